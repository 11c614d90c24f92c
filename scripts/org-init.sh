#!/usr/bin/env bash
# Sets up a scratch org for Attribution Guardrails. Safe to run again: it reuses a live scratch org with the same
# alias, redeploys (a no-op when nothing changed), assigns only missing permission sets and skips the sample data
# when it is already there.
#
#   scripts/org-init.sh [alias]          default alias: attribution-guardrails
#   SCRATCH_DAYS=7 SKIP_DATA=1 scripts/org-init.sh
#
# Needs the Salesforce CLI (`sf`) logged in to a Dev Hub (`sf org login web --set-default-dev-hub`) and Node.js.
# Steps: create the scratch org from config/project-scratch-def.json, deploy force-app (the additive kit), deploy
# demo-org (org-wide picklists and lead-convert mapping: scratch/demo orgs only, see demo-org/README.md), assign the
# Admin and Rep permission sets to the scratch org's user, import data/tree/plan.json.
set -euo pipefail

ALIAS="${1:-attribution-guardrails}"
DAYS="${SCRATCH_DAYS:-7}"
PERMSETS=(Attribution_Guardrails_Admin Attribution_Guardrails_Rep)
cd "$(dirname "$0")/.."

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

step() { printf '\n==> %s\n' "$*"; }

step "Scratch org '$ALIAS'"
USERNAME="$(sf org display --target-org "$ALIAS" --json 2>/dev/null | json_value result.username || true)"
if [[ -n "$USERNAME" ]]; then
    echo "Reusing $USERNAME"
else
    sf org create scratch --definition-file config/project-scratch-def.json --alias "$ALIAS" --set-default \
        --duration-days "$DAYS" --wait 20
    USERNAME="$(sf org display --target-org "$ALIAS" --json | json_value result.username)"
fi

step "Deploy force-app (fields, rules, flows, permission sets, record pages)"
sf project deploy start --source-dir force-app --target-org "$ALIAS" --wait 30

step "Deploy demo-org (governed picklists, lead-convert mapping: scratch orgs only)"
sf project deploy start --source-dir demo-org --target-org "$ALIAS" --wait 30

step "Permission sets for $USERNAME"
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

if [[ "${SKIP_DATA:-}" == "1" ]]; then
    step "Sample data skipped (SKIP_DATA=1)"
else
    step "Sample data (data/tree/plan.json)"
    EXISTING="$(sf data query --target-org "$ALIAS" --json --query \
        "SELECT Id FROM Lead WHERE Email LIKE '%@attribution-demo.example.com' LIMIT 1" | json_value result.totalSize)"
    if [[ "$EXISTING" =~ ^[1-9] ]]; then
        echo "Sample leads already imported"
    else
        sf data import tree --plan data/tree/plan.json --target-org "$ALIAS"
    fi
fi

step "Done. Open the org with: sf org open --target-org $ALIAS"
