# Reference values for WaldCoefficientsTests: run with /usr/bin/python3 (numpy, scipy 1.10.1) at development time only.
import numpy as np
rng = np.random.default_rng(11)
n = 30
age = rng.integers(18, 66, n).astype(float)
sleep = (rng.integers(40, 101, n) / 10.0)
work = rng.integers(30, 81, n).astype(float)
logit = -0.5*(sleep-7) + 0.06*(work-55) - 0.01*(age-41.5)
y = rng.random(n) < 1/(1+np.exp(-logit))
print("age", list(age.astype(int)))
print("sleep", list(sleep))
print("work", list(work.astype(int)))
print("y", list(y.astype(int)))
def z(v):
    m = v.mean(); s = np.sqrt(((v-m)**2).mean())
    return ((v-m)/s).astype(np.float32).astype(np.float64)
X = np.column_stack([np.ones(n), z(age), z(sleep), z(work)])
yy = y.astype(float)
def fit(lam):
    b = np.zeros(4)
    P = lam*np.diag([0,1,1,1.0])
    for _ in range(100):
        p = 1/(1+np.exp(-X@b)); W = p*(1-p)
        g = X.T@(p-yy) + P@b
        H = X.T@(X*W[:,None]) + P
        s = np.linalg.solve(H, g); b -= s
        if abs(s).max() < 1e-13: break
    p = 1/(1+np.exp(-X@b)); W=p*(1-p)
    cov = np.linalg.inv(X.T@(X*W[:,None]) + P)
    return b, np.sqrt(np.diag(cov))
b, se = fit(0.0)
np.set_printoptions(precision=17)
print("lam0 beta", repr(b)); print("lam0 se", repr(se))
# fixed weights with lambda 2
w = np.array([0.3, -0.2, -0.9, 0.5]); lam = 2.0
p = 1/(1+np.exp(-X@w)); W=p*(1-p)
cov = np.linalg.inv(X.T@(X*W[:,None]) + lam*np.diag([0,1,1,1.0]))
print("fixed se", repr(np.sqrt(np.diag(cov))))
from scipy.stats import norm
b, se = fit(0.0)
print("p", repr(2*norm.sf(abs(b/se))))
print("orlo", repr(np.exp(b - norm.ppf(0.975)*se)), "orhi", repr(np.exp(b + norm.ppf(0.975)*se)))
