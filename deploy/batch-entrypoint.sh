#!/bin/sh
# Batch-job entry point (EC2 or AWS Batch array job): scores INPUT into OUTPUT with the model the
# registry names, one deterministic partition per array index. Uses `mhi batch` (docs/batch-scoring.md).
#   docker run --entrypoint /app/batch-entrypoint.sh -e INPUT=s3://… -e OUTPUT=… mhi
set -eu
: "${INPUT:?set INPUT}" "${OUTPUT:?set OUTPUT}"
model="${MODEL:-models:/mental-health-classifier@champion}"
if [ -n "${AWS_BATCH_JOB_ARRAY_INDEX:-}" ]; then
  # One partition per array child: PARTITIONS children split the input without overlap.
  exec dotnet /app/mhi.dll batch --input "$INPUT" --output "$OUTPUT.part-$AWS_BATCH_JOB_ARRAY_INDEX" \
    --model "$model" --partition "$AWS_BATCH_JOB_ARRAY_INDEX/${PARTITIONS:?set PARTITIONS}" --resume
fi
exec dotnet /app/mhi.dll batch --input "$INPUT" --output "$OUTPUT" --model "$model" --resume
