# The environment caseingest runs in, sourced by run.sh, test.sh and bench.sh (docker/Dockerfile and the systemd unit
# in src/Messaging/README.md set the same).

# One OpenMP thread per Tesseract call: the engines already run one per core, and OpenMP's own threads on top of that
# fight over the cores (the plugin also sets it natively before Tesseract loads).
export OMP_THREAD_LIMIT=1

# Large native blocks (ONNX Runtime's arena, OpenCV's page images) on transparent huge pages: a block faults in 2 MiB
# at a time instead of 4 KiB. A worker through 1,000 OCR packages: 462 s and 0.90 CPU s a message against 698 s and
# 1.37, peak 654 MiB against 659 (PP-OCR then hands its arena back after every run, which costs little on huge pages;
# docs/BENCHMARKS.md, #20, session 23). Only the dynamic loader reads it, at start; other tunables already set stay.
case ":${GLIBC_TUNABLES:-}:" in
  *:glibc.malloc.hugetlb=*) ;;
  *) export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1" ;;
esac
