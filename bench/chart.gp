# Draws docs/benchmarks.png from the medians in docs/benchmarks.md (edit the data block when the numbers change).
# Usage: gnuplot bench/chart.gp   (Debian: apt-get install -y gnuplot-nox)
set terminal pngcairo size 900,450 font ",11"
set output "docs/benchmarks.png"
set title "S3 (s3proxy, filesystem) → OCI emulator, median of 3, shared 2-core machine"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set ylabel "MB/s (higher is better)"
set yrange [0:*]
set key autotitle columnhead
set multiplot layout 1,2
$small << EOD
tool MBs
lakeshift 2.1
DistCp 0.6
raw 5.4
EOD
$large << EOD
tool MBs
lakeshift 79.8
DistCp 49.5
raw 124.6
EOD
set title "small: 1,000 × 32 KiB"
plot $small using 2:xtic(1) notitle lc rgb "#3465a4"
set title "large: 2 × 512 MiB"
plot $large using 2:xtic(1) notitle lc rgb "#cc6600"
unset multiplot
