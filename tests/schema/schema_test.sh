#!/usr/bin/env bash
# The JSON Schemas in resources/schema against a validator nobody on the project wrote (ajv-cli),
# and against our own loader (gatewayctl validate):
#  - the schemas compile in ajv's strict mode;
#  - the sample workspace config and every tests/data/configs/valid-*.json validate, and every
#    export of them (native, kilo-gateway --allow-lossy, vectors) validates against its schema;
#  - every tests/data/configs/invalid-*.json fails the schema AND `gatewayctl validate` (exit 1),
#    so schema and loader agree; the few rules JSON Schema cannot state are listed in SCHEMA_GAPS
#    and must pass the schema while the loader rejects them (so that list stays true);
#  - deliberately broken exports fail their schemas (the export checks are not vacuous);
#  - a config that carries content_sha256 is canonical: re-exporting it gives the same bytes.
# ajv starts slowly (~0.3 s), so files are batched: one ajv call per schema.
#
# Usage: schema_test.sh AJV GATEWAYCTL SOURCE_DIR WORK_DIR
set -u -o pipefail

AJV=$1
GATEWAYCTL=$2
SRC=$3
WORK=$4

SCHEMAS=$SRC/resources/schema
CONFIGS=$SRC/tests/data/configs
SAMPLE=$SRC/resources/sample-workspace/routing.json
NOW=2026-11-23T20:00:00Z
AJV_OPTS=(--spec=draft2020 -c ajv-formats --strict=true --all-errors)

# Invalid configs whose one broken rule JSON Schema cannot express; only the loader rejects them.
declare -A SCHEMA_GAPS=(
    [invalid-duplicate-rule-id.json]="rule ids unique across the array: no standard keyword compares members of different items"
    [invalid-share-step.json]="shares step by 0.001: multipleOf 0.001 misjudges binary doubles (see \$defs/share)"
)

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

if ! command -v node >/dev/null 2>&1 || [[ ! -x $AJV ]]; then
    cat >&2 <<EOF
FAIL: the JSON Schema validator is missing.
  expected ajv-cli at: $AJV
  and Node.js on PATH (found: $(command -v node || echo none))
Install the test tools with:  scripts/install-deps.sh
  (or by hand: apt-get install nodejs npm && cd tools && npm ci)
This test does not skip: without ajv the schemas are unchecked.
EOF
    exit 1
fi
if [[ ! -x $GATEWAYCTL ]]; then
    echo "FAIL: gatewayctl not found at $GATEWAYCTL (build the gatewayctl target first)" >&2
    exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK/exports" "$WORK/mutants"

# Runs one ajv validate over many files and records each file's verdict in VERDICT[path].
declare -A VERDICT
ajv_batch() {
    local schema=$1
    shift
    local args=()
    for f in "$@"; do args+=(-d "$f"); done
    local log
    log=$WORK/ajv-$(basename "$schema" .schema.json).log
    "$AJV" validate "${AJV_OPTS[@]}" -s "$schema" "${args[@]}" >"$log" 2>&1
    local rc=$?
    if ((rc > 1)); then
        fail "ajv could not run on $(basename "$schema") (exit $rc):"
        cat "$log" >&2
        return
    fi
    for f in "$@"; do
        if grep -qxF "$f valid" "$log"; then
            VERDICT[$f]=valid
        elif grep -qxF "$f invalid" "$log"; then
            VERDICT[$f]=invalid
        else
            VERDICT[$f]=unknown
            fail "ajv gave no verdict for $f (see $log)"
        fi
    done
}

expect_verdict() { # expected file why
    local got=${VERDICT[$2]:-unknown}
    if [[ $got != "$1" ]]; then
        fail "$2: schema says $got, expected $1 ($3)"
        # Show ajv's errors for this file: the lines after its verdict up to the next verdict.
        awk -v f="$2" '$0 == f " invalid" {p=1; next} / (in)?valid$/ {p=0} p' "$WORK"/ajv-*.log | head -20 >&2
    fi
}

# 1. The schemas compile in strict mode (unknown keywords, union types, undefined required
#    members and the like are errors).
schema_args=()
for s in routing-config-v1 kilo-gateway routing-vectors-v1; do
    schema_args+=(-s "$SCHEMAS/$s.schema.json")
done
if ! "$AJV" compile "${AJV_OPTS[@]}" "${schema_args[@]}" >"$WORK/compile.log" 2>&1; then
    fail "a schema does not compile in strict mode:"
    cat "$WORK/compile.log" >&2
fi

# 2. Inputs.
shopt -s nullglob
valid=("$SAMPLE" "$CONFIGS"/valid-*.json)
invalid=("$CONFIGS"/invalid-*.json)
for f in "$CONFIGS"/*; do
    case $(basename "$f") in
    valid-*.json | invalid-*.json) ;;
    *) fail "$f: config fixtures are named valid-*.json or invalid-*.json, so none is silently ignored" ;;
    esac
done
((${#valid[@]} >= 4)) || fail "expected the sample and at least 3 valid configs, found ${#valid[@]}"
((${#invalid[@]} >= 10)) || fail "expected at least 10 invalid configs, found ${#invalid[@]}"
for name in "${!SCHEMA_GAPS[@]}"; do
    [[ -f $CONFIGS/$name ]] || fail "SCHEMA_GAPS names $name, which does not exist"
done

# 3. Exports of every valid config.
natives=() kilos=() vectors=()
for f in "${valid[@]}"; do
    base=$(basename "$f" .json)
    [[ $f == "$SAMPLE" ]] && base=sample-workspace
    if ! "$GATEWAYCTL" validate "$f" >/dev/null 2>"$WORK/exports/$base.validate.err"; then
        fail "$f: gatewayctl validate rejects a valid config:"
        cat "$WORK/exports/$base.validate.err" >&2
        continue
    fi
    if grep -q "warning" "$WORK/exports/$base.validate.err"; then
        fail "$f: gatewayctl validate warns about a valid config:"
        cat "$WORK/exports/$base.validate.err" >&2
    fi
    for profile in native kilo-gateway vectors; do
        out=$WORK/exports/$base.$profile.json
        lossy=()
        [[ $profile == kilo-gateway ]] && lossy=(--allow-lossy)
        if ! "$GATEWAYCTL" export --profile "$profile" "${lossy[@]}" --now "$NOW" "$f" >"$out" 2>"$out.err"; then
            fail "$f: gatewayctl export --profile $profile failed:"
            cat "$out.err" >&2
            continue
        fi
        case $profile in
        native) natives+=("$out") ;;
        kilo-gateway) kilos+=("$out") ;;
        vectors) vectors+=("$out") ;;
        esac
    done
    # A config that carries a content hash claims to be canonical: it must be its own export.
    if grep -q '"content_sha256"' "$f" && ! cmp -s "$f" "$WORK/exports/$base.native.json"; then
        fail "$f: carries content_sha256 but is not canonical (re-export it with gatewayctl export --profile native)"
        diff "$f" "$WORK/exports/$base.native.json" | head -20 >&2
    fi
    # The native export is a fixpoint and loads without a hash warning.
    native=$WORK/exports/$base.native.json
    if [[ -s $native ]]; then
        "$GATEWAYCTL" export --profile native "$native" >"$native.again" 2>"$native.again.err"
        cmp -s "$native" "$native.again" || fail "$native: exporting the native export again changes it"
        grep -q warning "$native.again.err" && fail "$native: the native export does not load cleanly: $(cat "$native.again.err")"
    fi
done

# 4. Deliberately broken exports: each must fail its schema.
first_native=$WORK/exports/sample-workspace.native.json
first_kilo=$WORK/exports/sample-workspace.kilo-gateway.json
first_vectors=$WORK/exports/sample-workspace.vectors.json
sed 's/^  "cohort": .*/  "cohort": "vercel",\n  "colour": "blue",/' "$first_native" >"$WORK/mutants/native-unknown-key.json"
sed -E 's/^  "vercel_routing_percentage": .*/  "vercel_routing_percentage": 130,/' "$first_kilo" >"$WORK/mutants/kilo-percentage-130.json"
sed -E 's/^  "note": .*/  "note": "'"$(printf 'x%.0s' {1..501})"'",/' "$first_kilo" >"$WORK/mutants/kilo-note-501.json"
sed -E '0,/"reason": "/s//"reason": "bogus:/' "$first_vectors" >"$WORK/mutants/vectors-bad-reason.json"
sed -E '0,/"gateway": "[a-z]+"/s//"gateway": "azure"/' "$first_vectors" >"$WORK/mutants/vectors-bad-gateway.json"
for m in "$WORK"/mutants/*.json; do
    if cmp -s "$m" "$first_native" || cmp -s "$m" "$first_kilo" || cmp -s "$m" "$first_vectors"; then
        fail "$m: the mutation did not change anything (the test itself is broken)"
    fi
done

# 5. One ajv run per schema.
ajv_batch "$SCHEMAS/routing-config-v1.schema.json" "${valid[@]}" "${natives[@]}" "${invalid[@]}" \
    "$WORK/mutants/native-unknown-key.json"
ajv_batch "$SCHEMAS/kilo-gateway.schema.json" "${kilos[@]}" \
    "$WORK/mutants/kilo-percentage-130.json" "$WORK/mutants/kilo-note-501.json"
ajv_batch "$SCHEMAS/routing-vectors-v1.schema.json" "${vectors[@]}" \
    "$WORK/mutants/vectors-bad-reason.json" "$WORK/mutants/vectors-bad-gateway.json"

for f in "${valid[@]}"; do expect_verdict valid "$f" "a config the loader accepts"; done
for f in "${natives[@]}"; do expect_verdict valid "$f" "native export"; done
for f in "${kilos[@]}"; do expect_verdict valid "$f" "kilo-gateway export"; done
for f in "${vectors[@]}"; do expect_verdict valid "$f" "vectors export"; done
for m in "$WORK"/mutants/*.json; do expect_verdict invalid "$m" "deliberately broken export"; done

# 6. Invalid configs: the schema and the loader both reject them (or, for a listed gap, only the
#    loader does).
for f in "${invalid[@]}"; do
    name=$(basename "$f")
    "$GATEWAYCTL" validate "$f" >/dev/null 2>"$WORK/$name.validate.err"
    rc=$?
    if ((rc != 1)); then
        fail "$f: gatewayctl validate exits $rc, expected 1 (invalid input)"
    fi
    if [[ -n ${SCHEMA_GAPS[$name]:-} ]]; then
        expect_verdict valid "$f" "known schema gap, only the loader checks: ${SCHEMA_GAPS[$name]}"
    else
        expect_verdict invalid "$f" "the loader says: $(head -1 "$WORK/$name.validate.err")"
    fi
done

checked=$((${#valid[@]} + ${#natives[@]} + ${#kilos[@]} + ${#vectors[@]} + ${#invalid[@]}))
if ((failures)); then
    echo "schema test: $failures failure(s) over $checked files" >&2
    exit 1
fi
echo "schema test: ok (${#valid[@]} valid configs, ${#invalid[@]} invalid configs (${#SCHEMA_GAPS[@]} loader-only), $((${#natives[@]} + ${#kilos[@]} + ${#vectors[@]})) exports, 5 broken exports)"
