#!/usr/bin/env bash
# Sets up an org for Attribution Guardrails; `npm run org:setup -- --alias <name>` (scripts/org-setup.ts) checks the CLI
# and the Dev Hub first, then runs this. Safe to run again: it reuses a live scratch org with the same alias,
# redeploys (a no-op when nothing changed), keeps the kit's duplicate rules at the orders they already have, assigns
# only missing permission sets and skips the sample data when it is already there.
#
#   scripts/org-init.sh [alias]                     scratch org (created when the alias is not a live org)
#   ORG_INIT_EXISTING=1 scripts/org-init.sh <alias>  an existing org (sandbox, production): no scratch org, no
#                                                    demo-org configuration, no sample data
#   SCRATCH_DAYS=7 SKIP_DATA=1 MATCHING_RULE_WAIT_SECONDS=600 scripts/org-init.sh
#   HISTORY_FIELD_LIMIT=60 scripts/org-init.sh      tracked fields per object the org allows (Field Audit Trail)
#
# Needs the Salesforce CLI (`sf`; a Dev Hub login for scratch orgs: `sf org login web --set-default-dev-hub`),
# Node.js and `npm ci` (the helper src/install/cli.ts runs with tsx).
#
# Order (each step says what it found and what it does):
#   1. scratch org (or the existing org)
#   1b. field history: history on for every object the kit tracks fields of, and room for the kit's fields within
#      the per-object limit (Tooling API EntityDefinition and FieldDefinition); stops before any deploy otherwise
#   2. matching rules alone, then wait until the org reports them Active (deploying new active matching rules
#      together with the duplicate rules that use them fails while they activate)
#   3. force-app (the unlocked-package content: fields, rules, flows, permission sets, pages, Apex)
#   4. the rest of unpackaged/ (what an unlocked package cannot hold)
#   5. duplicate rules, with sort orders after the org's own rules (read from the org, written to a temp copy)
#   6. check every kit flow is active (production deploys leave flows inactive unless the org deploys them active)
#   7. demo-org configuration, permission sets (the admin also gets Attribution_Guardrails_Bypass, so the sample load
#      is neither blocked nor repaired by the kit's flows and rules), sample data: the tree import of data/tree/plan.json,
#      then scripts/apex/convert-sample-leads.apex converts the Leads the snapshot marks as converted (scratch orgs)
# A failing step stops the script with the step's name; the CLI's own message is printed above it.
set -euo pipefail

ALIAS="${1:-attribution-guardrails}"
DAYS="${SCRATCH_DAYS:-7}"
EXISTING="${ORG_INIT_EXISTING:-}"
WAIT_SECONDS="${MATCHING_RULE_WAIT_SECONDS:-600}"
POLL_SECONDS="${MATCHING_RULE_POLL_SECONDS:-10}"
HISTORY_LIMIT="${HISTORY_FIELD_LIMIT:-}"
PERMSETS=(Attribution_Guardrails_Admin Attribution_Guardrails_Rep Attribution_Guardrails_Bypass)
cd "$(dirname "$0")/.."

WORK="$(mktemp -d "${TMPDIR:-/tmp}/org-init.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# Prints the value at a dotted path (e.g. result.username) of the JSON document on stdin; empty when absent.
json_value() {
    node -e '
        let s = "";
        process.stdin.on("data", (d) => (s += d)).on("end", () => {
            let v;
            try { v = process.argv[1].split(".").reduce((o, k) => (o == null ? undefined : o[k]), JSON.parse(s)); }
            catch { v = undefined; }
            console.log(v == null ? "" : String(v));
        });' "$1"
}

STEP="start"
step() {
    STEP="$1"
    shift
    printf '\n==> [%s] %s\n' "$STEP" "$*"
}
fail() {
    printf 'org-init: step "%s" failed: %s\n' "$STEP" "$*" >&2
    exit 1
}
# Any other failing command (an sf call: its own message is above) stops here with the step's name.
set -E
trap 'printf "org-init: step \"%s\" failed (exit %s); the message above is the CLI'"'"'s own\n" "$STEP" "$?" >&2' ERR
install_helper() { node_modules/.bin/tsx src/install/cli.ts "$@"; }
[[ -x node_modules/.bin/tsx ]] || fail "node_modules/.bin/tsx is missing: run npm ci first"

# step: org
step org "Org '$ALIAS'"
USERNAME="$(sf org display --target-org "$ALIAS" --json 2>/dev/null | json_value result.username || true)"
if [[ -n "$USERNAME" ]]; then
    echo "Reusing $USERNAME"
elif [[ -n "$EXISTING" ]]; then
    fail "ORG_INIT_EXISTING is set but '$ALIAS' is not a logged-in org (sf org login web --alias $ALIAS)"
else
    sf org create scratch --definition-file config/project-scratch-def.json --alias "$ALIAS" --set-default \
        --duration-days "$DAYS" --wait 20
    USERNAME="$(sf org display --target-org "$ALIAS" --json | json_value result.username)"
fi

# step: field-history (handles precondition field-history-enabled)
step field-history "Field history (before any deploy: the kit's fields carry trackHistory)"
mkdir -p "$WORK/history"
while read -r OBJ; do
    [[ -n "$OBJ" ]] || continue
    sf data query --use-tooling-api --target-org "$ALIAS" --json \
        --query "SELECT QualifiedApiName, IsFieldHistoryTracked FROM EntityDefinition WHERE QualifiedApiName = '$OBJ'" \
        >"$WORK/history/entity-$OBJ.json" || true # a failed query's --json answer is reported by check-history
    sf data query --use-tooling-api --target-org "$ALIAS" --json \
        --query "SELECT QualifiedApiName FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName = '$OBJ' AND IsFieldHistoryTracked = true" \
        >"$WORK/history/fields-$OBJ.json" || true
done < <(install_helper history-objects)
HISTORY_FLAGS=(--results "$WORK/history" --alias "$ALIAS" --limit "$HISTORY_LIMIT")
[[ -z "$EXISTING" ]] || HISTORY_FLAGS+=(--existing)
install_helper check-history "${HISTORY_FLAGS[@]}" || fail "field history is not ready for the kit (see above); nothing was deployed"

# step: matching-rules-first (handles precondition matching-rules-active)
step matching-rules "Matching rules first (unpackaged/main/default/matchingRules)"
sf project deploy start --source-dir unpackaged/main/default/matchingRules --target-org "$ALIAS" --wait 30
MATCHING="$(install_helper soql-list matching-rules)"
DEADLINE=$((SECONDS + WAIT_SECONDS))
while :; do
    sf data query --target-org "$ALIAS" --json \
        --query "SELECT DeveloperName, SobjectType, RuleStatus FROM MatchingRule WHERE DeveloperName IN ($MATCHING)" \
        >"$WORK/matching.json"
    STATUS=0
    install_helper check-matching --result "$WORK/matching.json" || STATUS=$?
    if [[ $STATUS -eq 0 ]]; then
        break
    elif [[ $STATUS -ne 10 ]]; then
        fail "matching rules are not active; stopping before the duplicate rules"
    elif ((SECONDS >= DEADLINE)); then
        fail "matching rules still activating after ${WAIT_SECONDS}s (MATCHING_RULE_WAIT_SECONDS); run the script again later, it resumes here"
    fi
    sleep "$POLL_SECONDS"
done

# step: force-app
step force-app "Deploy force-app (fields, rules, flows, permission sets, record pages, Apex)"
sf project deploy start --source-dir force-app --target-org "$ALIAS" --wait 30

# step: unpackaged-rest
REST=()
for DIR in unpackaged/main/default/*/; do
    [[ -d "$DIR" ]] || continue
    case "$DIR" in
        */duplicateRules/ | */matchingRules/) ;;
        *) REST+=(--source-dir "${DIR%/}") ;;
    esac
done
if ((${#REST[@]})); then
    step unpackaged "Deploy the rest of unpackaged/ (${#REST[@]} flags: ${REST[*]})"
    sf project deploy start "${REST[@]}" --target-org "$ALIAS" --wait 30
fi

# step: duplicate-rules (handles precondition standard-duplicate-rules)
step duplicate-rules "Duplicate rules, after the org's own rules"
sf data query --target-org "$ALIAS" --json \
    --query "SELECT DeveloperName, SobjectType, IsActive FROM DuplicateRule WHERE SobjectType IN ('Lead','Contact')" \
    >"$WORK/duplicate-rules.json"
install_helper plan-duplicates --org-rules "$WORK/duplicate-rules.json" --out "$WORK/duplicate-rules"
sf project deploy start --metadata-dir "$WORK/duplicate-rules" --target-org "$ALIAS" --wait 30

# step: flows-active (handles precondition flows-active)
step flows-active "Kit flows active"
FLOWS="$(install_helper soql-list flows)"
sf data query --target-org "$ALIAS" --json \
    --query "SELECT ApiName, IsActive, ActiveVersionId FROM FlowDefinitionView WHERE ApiName IN ($FLOWS)" \
    >"$WORK/flows.json"
install_helper check-flows --result "$WORK/flows.json" || fail "kit flows are not active (see above)"

if [[ -n "$EXISTING" ]]; then
    step existing-org "Existing org: demo-org configuration, permission set assignment and sample data are left to you (README, Install)"
    exit 0
fi

# step: demo-org
step demo-org "Deploy demo-org (governed picklists, lead-convert mapping: scratch orgs only)"
sf project deploy start --source-dir demo-org --target-org "$ALIAS" --wait 30

# step: campaign-influence
step "Deploy campaign-influence (influenced-pipeline report type and report: need Customizable Campaign Influence, which the scratch definition enables)"
sf project deploy start --source-dir campaign-influence --target-org "$ALIAS" --wait 30

# step: permission-sets
step permission-sets "Permission sets for $USERNAME (Bypass: the sample load must not be blocked or repaired by the kit)"
for PS in "${PERMSETS[@]}"; do
    COUNT="$(sf data query --target-org "$ALIAS" --json --query \
        "SELECT Id FROM PermissionSetAssignment WHERE PermissionSet.Name = '$PS' AND Assignee.Username = '$USERNAME'" \
        | json_value result.totalSize)"
    if [[ "$COUNT" =~ ^[1-9] ]]; then
        echo "$PS already assigned"
    else
        sf org assign permset --name "$PS" --target-org "$ALIAS"
    fi
done

# step: sample-data
if [[ "${SKIP_DATA:-}" == "1" ]]; then
    step sample-data "Sample data skipped (SKIP_DATA=1)"
else
    step sample-data "Sample data (data/tree/plan.json, generated from data/sample-snapshot)"
    EXPECTED_LEADS="$(install_helper sample-count Lead)"
    # a scratch org from config/project-scratch-def.json starts without Leads (hasSampleData false): count them all
    FOUND_LEADS="$(sf data query --target-org "$ALIAS" --json --query "SELECT COUNT() FROM Lead" | json_value result.totalSize)"
    if [[ "$FOUND_LEADS" == "$EXPECTED_LEADS" ]]; then
        echo "Sample data already imported ($FOUND_LEADS sample Leads)"
    elif [[ "$FOUND_LEADS" == "0" ]]; then
        sf data import tree --plan data/tree/plan.json --target-org "$ALIAS"
    else
        fail "the org holds ${FOUND_LEADS:-an unknown number of} Leads, the sample data $EXPECTED_LEADS (an interrupted import, or Leads of your own): delete the scratch org (npm run org:delete -- --alias $ALIAS) and run again"
    fi

    step convert-leads "Convert the sample Leads the snapshot marks as converted (scripts/apex/convert-sample-leads.apex)"
    APEX_STATUS=0
    sf apex run --file scripts/apex/convert-sample-leads.apex --target-org "$ALIAS" --json >"$WORK/convert.json" || APEX_STATUS=$?
    install_helper check-apex --result "$WORK/convert.json" || fail "the sample Leads were not converted (see above)"
    [[ $APEX_STATUS -eq 0 ]] || fail "sf apex run exited $APEX_STATUS"
    echo "Note: $USERNAME holds Attribution_Guardrails_Bypass, so the guardrails do not stop this user. To try them, remove"
    echo "      the assignment (Setup > Users > $USERNAME > Permission Set Assignments) or log in as a user with the Rep set."
fi

step ready "Org '$ALIAS' is ready"
