# Development-time reference values for the metric and evaluation tests. NOT run by the tests:
# run it with Debian's interpreter (`apt-get install -y python3-sklearn`, then
# /usr/bin/python3 reference_values.py; scikit-learn 1.2.1, numpy 1.24.2, scipy 1.10.1) and the
# printed values are the ones pasted into the tests.
import warnings

import numpy as np
from scipy.stats import norm, rankdata
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss,
                             confusion_matrix, f1_score, log_loss, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score, roc_curve)

warnings.filterwarnings("ignore")
r = lambda v: repr(float(v))
join = lambda a: ", ".join(r(v) for v in a)

# ReferenceData.Labels / P / Q
rng = np.random.default_rng(20240601)
n = 40
y = rng.random(n) < 0.4
p = np.clip(np.round(0.35 * y + rng.random(n) * 0.65, 1), 0, 1)
q = np.clip(np.round(0.15 * y + rng.random(n) * 0.85, 2), 0, 1)


def show(name, y, s, thr):
    print("==", name)
    print(" auc", r(roc_auc_score(y, s)), " ap", r(average_precision_score(y, s)))
    print(" logloss", r(log_loss(y, s, eps=1e-15, labels=[0, 1])), " brier", r(brier_score_loss(y, s)))
    yp = s >= thr
    print(" acc", r(accuracy_score(y, yp)), "prec", r(precision_score(y, yp, zero_division=0)),
          "rec", r(recall_score(y, yp, zero_division=0)), "f1", r(f1_score(y, yp, zero_division=0)))
    print(" cm tn fp fn tp", confusion_matrix(y, yp, labels=[0, 1]).ravel())


y6 = np.array([0, 0, 1, 1, 1, 0]); s6 = np.array([0.1, 0.4, 0.4, 0.8, 0.4, 0.2])
show("six", y6, s6, 0.5)
print("clip logloss", r(log_loss([1, 0, 1, 0], [1.0, 0.0, 0.0, 1.0], eps=1e-15)))
print("clip perfect logloss", r(log_loss([1, 0], [1.0, 0.0], eps=1e-15)))
show("forty p thr .5", y, p, 0.5)
show("forty q thr .6", y, q, 0.6)

fpr, tpr, th = roc_curve(y, p, drop_intermediate=False)
print("roc fpr", join(fpr)); print("roc tpr", join(tpr)); print("roc th", join(th))
pr, rc, th = precision_recall_curve(y, p)
print("pr prec", join(pr)); print("pr rec", join(rc)); print("pr th", join(th))

for strat, nb in [("uniform", 10), ("uniform", 5), ("quantile", 4), ("quantile", 10)]:
    for s, nm in [(p, "p"), (q, "q")]:
        pt, pp = calibration_curve(y, s, n_bins=nb, strategy=strat)
        bins = np.linspace(0, 1, nb + 1) if strat == "uniform" else np.percentile(s, np.linspace(0, 1, nb + 1) * 100)
        counts = np.bincount(np.searchsorted(bins[1:-1], s), minlength=nb)
        counts = counts[counts > 0]
        print("cal", strat, nb, nm, "true", join(pt)); print("cal", strat, nb, nm, "pred", join(pp))
        print("cal", strat, nb, nm, "counts", counts.tolist(),
              "ece", r(np.sum(counts / len(s) * np.abs(pt - pp))))


def fast_delong(y, scores):
    """Sun & Xu (2014): midranks of positives X, negatives Y and both Z, per model."""
    y = np.asarray(y, bool); m = y.sum(); n = (~y).sum()
    k = len(scores); v10 = np.empty((k, m)); v01 = np.empty((k, n)); auc = np.empty(k)
    for i, s in enumerate(scores):
        s = np.asarray(s, float); x, yy = s[y], s[~y]
        tx, ty, tz = rankdata(x), rankdata(yy), rankdata(np.concatenate([x, yy]))
        auc[i] = tz[:m].sum() / m / n - (m + 1.0) / 2.0 / n
        v10[i] = (tz[:m] - tx) / n
        v01[i] = 1.0 - (tz[m:] - ty) / m
    return auc, np.atleast_2d(np.cov(v10)) / m + np.atleast_2d(np.cov(v01)) / n


def slow_delong(y, scores):
    """DeLong (1988) placement values by pairwise comparison, O(mn): an independent check."""
    y = np.asarray(y, bool); out = []
    for s in scores:
        s = np.asarray(s, float); x, yy = s[y], s[~y]
        psi = (x[:, None] > yy[None, :]) + 0.5 * (x[:, None] == yy[None, :])
        out.append((psi.mean(1), psi.mean(0), psi.mean()))
    m, n = len(out[0][0]), len(out[0][1])
    v10 = np.array([o[0] for o in out]); v01 = np.array([o[1] for o in out])
    return np.array([o[2] for o in out]), np.atleast_2d(np.cov(v10)) / m + np.atleast_2d(np.cov(v01)) / n


auc, S = fast_delong(y, [p, q]); auc2, S2 = slow_delong(y, [p, q])
print("delong fast vs slow max diff", np.abs(S - S2).max(), np.abs(auc - auc2).max())
se = np.sqrt(S[0, 0] + S[1, 1] - 2 * S[0, 1]); z = (auc[0] - auc[1]) / se
print("delong aucA", r(auc[0]), "aucB", r(auc[1]), "se", r(se), "z", r(z), "p", r(2 * norm.sf(abs(z))),
      "ci", r(auc[0] - auc[1] - norm.ppf(0.975) * se), r(auc[0] - auc[1] + norm.ppf(0.975) * se))
for nm, s in [("p", p), ("q", q), ("six", None)]:
    yy, ss = (y6, s6) if s is None else (y, s)
    a, S1 = fast_delong(yy, [ss]); se1 = np.sqrt(S1[0, 0]); z1 = (a[0] - 0.5) / se1
    print("one", nm, "auc", r(a[0]), "se", r(se1), "z", r(z1), "p", r(2 * norm.sf(abs(z1))),
          "ci", r(max(0, a[0] - norm.ppf(0.975) * se1)), r(min(1, a[0] + norm.ppf(0.975) * se1)))
