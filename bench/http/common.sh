# Shared set-up of the HTTP benchmarks (sourced by run.sh and profile.sh, not run alone):
# checks the tools, trains a small model into $work when no MODEL was given, and sets the
# pseudonymisation key and the request body. Needs: $mhi, $work and $model set by the caller.
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
[ -x "$mhi" ] || { echo "publish mhi first: make publish (or set MHI to a built mhi)"; exit 1; }

if [ -z "$model" ]; then
  echo "training a small model (lr, xgb) for the benchmark…"
  "$mhi" data generate -n 5000 -o "$work/data.csv" >/dev/null 2>&1
  "$mhi" train -i "$work/data.csv" -o "$work/train" --models lr,xgb --folds 3 --search-budget 2 \
    --bootstrap 200 --tracking-uri "sqlite:///$work/mlruns.db" --force >/dev/null 2>&1
  model="models:/mental-health-classifier@champion"
fi

export MHI_PSEUDONYMISATION_KEY="benchmark-key-not-a-secret-0123456789"
# shellcheck disable=SC2034  # used by the sourcing script
body='{"Age":34,"Gender":"Female","Occupation":"IT","Country":"UK","Consultation_History":"No","Stress_Level":"High","Sleep_Hours":5.5,"Work_Hours":55,"Physical_Activity_Hours":1}'
