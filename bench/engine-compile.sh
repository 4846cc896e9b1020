# Sourced by the A/B scripts of the engine (bench/engine-ab.sh, bench/engine-pair.sh): compile_against OLD NEW SOURCE
# makes a temporary directory T (removed on exit), sets CP to the dependencies' class path (Maven's, from this checkout)
# and compiles SOURCE against each build's classes into $T/old and $T/new.
compile_against() {
    T=$(mktemp -d)
    trap 'rm -rf "$T"' EXIT
    mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$T/cp.txt" > /dev/null
    CP=$(cat "$T/cp.txt")
    mkdir -p "$T/old" "$T/new"
    javac -nowarn -cp "$1:$CP" -d "$T/old" "$3"
    javac -nowarn -cp "$2:$CP" -d "$T/new" "$3"
}
