# The environment caseingest runs in, sourced by run.sh, test.sh and bench.sh (docker/Dockerfile and the systemd unit
# in src/Messaging/README.md set the same two variables).

# One OpenMP thread per Tesseract call: the engines already run one per core, and OpenMP's own threads on top of that
# fight over the cores (the plugin also sets it natively before Tesseract loads).
export OMP_THREAD_LIMIT=1

# glibc maps the OCR engines' large native blocks (tensors, images: NativeHeap:MmapThreshold) onto transparent huge
# pages instead of 4 KiB pages faulted in one by one: ingest of 28 OCR packages took 41 → 30 CPU s (docs/BENCHMARKS.md,
# session 19). Read by the dynamic loader at process start, so it cannot be set from inside the process; an explicit
# glibc.malloc.hugetlb of the caller's is kept.
case ":${GLIBC_TUNABLES:-}:" in
  *:glibc.malloc.hugetlb=*) ;;
  *) export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1" ;;
esac
