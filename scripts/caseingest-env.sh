# The environment caseingest runs in, sourced by run.sh, test.sh and bench.sh (docker/Dockerfile and the systemd unit
# in src/Messaging/README.md set the same).

# One OpenMP thread per Tesseract call: the engines already run one per core, and OpenMP's own threads on top of that
# fight over the cores (the plugin also sets it natively before Tesseract loads).
export OMP_THREAD_LIMIT=1

# Not set here: GLIBC_TUNABLES=glibc.malloc.hugetlb=1 puts the OCR engines' large native blocks on transparent huge
# pages: `ingest` of 28 OCR packages took 41.3 → 29.9 CPU s, but a worker's peak after 500 packages rose from
# 624–627 MiB to 671–783, past the 700 it must stay under (docs/BENCHMARKS.md, #20, session 19). With memory to spare,
# export it before starting caseingest (only the dynamic loader reads it, at start).
