# Draws docs/benchmarks.png from the medians in docs/benchmarks.md (edit the data blocks when the numbers change).
# Usage: gnuplot bench/chart.gp   (Debian: apt-get install -y gnuplot-nox)
set terminal pngcairo size 1200,700 font ",10"
set output "docs/benchmarks.png"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set ylabel "MB/s (higher is better)"
set yrange [0:*]
set key off
set style data histograms
set multiplot layout 2,3 title "lakeshift vs DistCp, rclone and the raw ceiling: median of 3, 2-core machine, all on 127.0.0.1"
# run 1: S3 (s3proxy) -> OCI emulator
$r1small << EOD
lakeshift 10.9
DistCp 1.4
raw 17.2
EOD
$r1parquet << EOD
lakeshift 22.9
DistCp 18.3
raw 48.0
EOD
$r1large << EOD
lakeshift 129.4
DistCp 59.4
raw 157.9
EOD
$r2small << EOD
lakeshift 9.2
DistCp 3.1
rclone 24.9
raw 22.2
EOD
$r2parquet << EOD
lakeshift 20.9
DistCp 21.8
rclone 225.0
raw 47.7
EOD
$r2large << EOD
lakeshift 90.2
DistCp 77.1
rclone 157.0
raw 123.1
EOD
set title "run 1 S3 → OCI: small, 20,000 × 32 KiB"
plot $r1small using 2:xtic(1) lc rgb "#3465a4"
set title "run 1 S3 → OCI: parquet, 40 files, 182 MB"
plot $r1parquet using 2:xtic(1) lc rgb "#3465a4"
set title "run 1 S3 → OCI: large, 2 × 1 GiB"
plot $r1large using 2:xtic(1) lc rgb "#3465a4"
set title "run 2 S3 → S3: small"
plot $r2small using 2:xtic(1) lc rgb "#cc6600"
set title "run 2 S3 → S3: parquet"
plot $r2parquet using 2:xtic(1) lc rgb "#cc6600"
set title "run 2 S3 → S3: large (raw: same sitting as lakeshift)"
plot $r2large using 2:xtic(1) lc rgb "#cc6600"
unset multiplot
