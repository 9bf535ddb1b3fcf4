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

# .NET's own libraries compiled by the JIT when first called, as ours are (the host turns the quick JIT off), instead of
# run from their precompiled (ReadyToRun) code, which is rejitted only after 1,000 calls a method: a package calls most
# of it a few times, so for hundreds of packages it ran the slower precompiled code. Non-OCR packages one at a time,
# four runs a side alternated on /dev/shm: median / p95 11.8 / 22.5 and 12.0 / 22.2 -> 10.6 / 18.7 and 10.1 / 18.3 ms
# (the bench's run on the disk, a session apart: 11.1 / 20.8 -> 11.6 / 20.1). The price
# is start-up: about 1.2 s more for any command (`plugins` 0.6 -> 1.8 s, `ingest` of one package 3.7 -> 5.5 s), which
# a worker or the web application pays once (docs/BENCHMARKS.md, #20, session 24). Read by the runtime at start only.
export DOTNET_ReadyToRun=0
