/**
 * The gate's `apex` check: SObject fields in Apex SOQL, constructors and typed field access must exist in the
 * catalog. Seeded defects in a class added to the good fixture; a clean class proves the check accepts what the
 * project's Apex legitimately writes.
 */
import { describe, expect, it } from 'vitest';
import { parseApex } from '../../src/verify/apex/ast.js';
import { DEFAULT, gate, lines, seeded } from './helpers.js';

const CLS = `${DEFAULT}/classes/Seeded.cls`;
const META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

async function apexProblems(body: string): Promise<string[]> {
    const root = seeded([
        { file: CLS, to: `public with sharing class Seeded {\n${body}\n}\n` },
        { file: `${CLS}-meta.xml`, to: META }
    ]);
    return lines((await gate(root)).filter((p) => p.check === 'apex'));
}

const CLEAN = `
    public static final String ALIAS = 'x';
    private static Opportunity stored;
    public static List<Opportunity> opportunities(Integer count) {
        return [SELECT Id, StageName, Account.Name, Campaign.Name FROM Opportunity WITH USER_MODE LIMIT :count];
    }
    public static void run(Opportunity opp, List<Lead> leads) {
        Opportunity created = new Opportunity(Name = 'n', StageName = opp.StageName, CampaignId = opp.CampaignId);
        created.Persona__c = opp.Persona__c;
        Id accountId = opp.Account.Id;
        String name = opp.Account.Name.toUpperCase();
        String status = leads[0].Status;
        String stage = opportunities(1)[0].StageName;
        String fromQuery = [SELECT MasterLabel FROM LeadStatus WHERE IsConverted = TRUE LIMIT 1].MasterLabel;
        for (PermissionSetAssignment a : [
            SELECT Id, PermissionSet.Name, Assignee.Alias
            FROM PermissionSetAssignment
            WHERE Assignee.Alias = :ALIAS AND PermissionSetId IN (SELECT Id FROM PermissionSet WHERE IsCustom = TRUE)
            ORDER BY SystemModstamp DESC
        ]) {
            String permissionSet = a.PermissionSet.Name;
        }
        Schema.DescribeFieldResult describe = Opportunity.StageName.getDescribe();
        Schema.SObjectType type = Opportunity.SObjectType;
        String rule = Attribution_Rules__mdt.getInstance('Default').Exempt_Lead_Sources__c;
        Attribution_Rules__mdt rules = Attribution_Rules__mdt.getInstance('Default');
        String exempt = rules.Exempt_Lead_Sources__c;
        stored = created;
        String kept = stored.Name;
        List<Opportunity> aliased = [SELECT o.Name, o.Account.Name FROM Opportunity o WHERE o.StageName != NULL];
        List<OpportunityContactRole> roles = [SELECT Opportunity.Name, Contact.Email FROM OpportunityContactRole];
        Schema.DescribeFieldResult token = Schema.SObjectType.Lead.fields.LeadSource;
        Map<String, Schema.SObjectField> all = Schema.SObjectType.Opportunity.fields.getMap();
    }`;

describe('Apex field check (gate check "apex")', () => {
    it('accepts fields, relationship paths, tokens and typed access that exist', async () => {
        expect(await apexProblems(CLEAN)).toEqual([]);
    });

    it('fails on an unknown field in SOQL (SELECT, WHERE, ORDER BY), an unknown relationship path and FROM', async () => {
        const out = await apexProblems(`
    public static void run() {
        List<Opportunity> a = [SELECT Id, CampaignIdd FROM Opportunity];
        List<Opportunity> b = [SELECT Acount.Name FROM Opportunity WHERE Persona_Typo__c = 'x' ORDER BY CloseDat];
        List<Opportunity> c = [SELECT Id FROM Opportunity WHERE Id IN (SELECT OpportunityIdd FROM OpportunityContactRole)];
        List<SObject> d = [SELECT Id FROM Opportunityy];
    }`);
        expect(out).toEqual([
            `${CLS}:4 [apex] Seeded.run — SOQL on Opportunity: CampaignIdd: field Opportunity.CampaignIdd does not exist in the project or standard-fields.json`,
            `${CLS}:5 [apex] Seeded.run — SOQL on Opportunity: Acount.Name: Opportunity has no relationship Acount (known to the project or standard-fields.json)`,
            `${CLS}:5 [apex] Seeded.run — SOQL on Opportunity: CloseDat: field Opportunity.CloseDat does not exist in the project or standard-fields.json`,
            `${CLS}:5 [apex] Seeded.run — SOQL on Opportunity: Persona_Typo__c: field Opportunity.Persona_Typo__c does not exist in the project or standard-fields.json`,
            `${CLS}:6 [apex] Seeded.run — SOQL on OpportunityContactRole: OpportunityIdd: field OpportunityContactRole.OpportunityIdd does not exist in the project or standard-fields.json`,
            `${CLS}:7 [apex] Seeded.run — FROM Opportunityy: object Opportunityy is neither in the project nor in standard-fields.json`
        ]);
    });

    it('fails on an unknown field in an SObject constructor and an unknown constructed object', async () => {
        const out = await apexProblems(`
    public static void run() {
        Opportunity o = new Opportunity(Name = 'n', StageNam = 'x');
        Foo__c f = new Foo__c(Name = 'n');
    }`);
        expect(out).toEqual([
            `${CLS}:4 [apex] Seeded.run — new Opportunity(StageNam = …): field Opportunity.StageNam does not exist in the project or standard-fields.json`,
            `${CLS}:5 [apex] Seeded.run — new Foo__c(…): object Foo__c is neither in the project nor in standard-fields.json`
        ]);
    });

    it('fails on unknown fields read or written through typed variables, list elements, queries, method results and tokens', async () => {
        const out = await apexProblems(`
    private static Lead stored;
    private Opportunity holder;
    public Id own() {
        return this.holder.CampaignIdd;
    }
    private static List<Opportunity> make() {
        return new List<Opportunity>();
    }
    public static void run(Opportunity opp, List<Lead> leads) {
        opp.Persona_Typo__c = 'x';
        Id c = opp.CampaignIdd;
        String n = opp.Acount.Name;
        String s = leads[0].Statuss;
        String l = [SELECT MasterLabel FROM LeadStatus LIMIT 1].MasterLabell;
        Id m = make()[0].CampaignIdd;
        String t = stored.UTM_Sourc__c;
        Schema.DescribeFieldResult d = Opportunity.StageNam.getDescribe();
        Schema.DescribeFieldResult e = Schema.SObjectType.Opportunity.fields.LeadSourc;
        String u = [SELECT Username FROM User LIMIT 1].UserName;
    }`);
        expect(out).toEqual([
            `${CLS}:6 [apex] Seeded.own — Opportunity.CampaignIdd: field Opportunity.CampaignIdd does not exist in the project or standard-fields.json`,
            `${CLS}:12 [apex] Seeded.run — Opportunity.Persona_Typo__c: field Opportunity.Persona_Typo__c does not exist in the project or standard-fields.json`,
            `${CLS}:13 [apex] Seeded.run — Opportunity.CampaignIdd: field Opportunity.CampaignIdd does not exist in the project or standard-fields.json`,
            `${CLS}:14 [apex] Seeded.run — Opportunity.Acount: field Opportunity.Acount does not exist in the project or standard-fields.json`,
            `${CLS}:15 [apex] Seeded.run — Lead.Statuss: field Lead.Statuss does not exist in the project or standard-fields.json`,
            `${CLS}:16 [apex] Seeded.run — LeadStatus.MasterLabell: field LeadStatus.MasterLabell does not exist in the project or standard-fields.json`,
            `${CLS}:17 [apex] Seeded.run — Opportunity.CampaignIdd: field Opportunity.CampaignIdd does not exist in the project or standard-fields.json`,
            `${CLS}:18 [apex] Seeded.run — Lead.UTM_Sourc__c: field Lead.UTM_Sourc__c does not exist in the project or standard-fields.json`,
            `${CLS}:19 [apex] Seeded.run — Opportunity.StageNam: field Opportunity.StageNam does not exist in the project or standard-fields.json`,
            `${CLS}:20 [apex] Seeded.run — Opportunity.LeadSourc: field Opportunity.LeadSourc does not exist in the project or standard-fields.json`,
            `${CLS}:21 [apex] Seeded.run — User.UserName: field User.UserName does not exist in the project or standard-fields.json`
        ]);
    });

    it('reports a parent-child subquery instead of passing it unchecked', async () => {
        const out = await apexProblems(`
    public static void run() {
        List<Account> a = [SELECT Id, (SELECT Id FROM Contacts) FROM Account];
    }`);
        expect(out).toEqual([
            `${CLS}:4 [apex] Seeded.run — subquery FROM Contacts on Account: child relationships are not in the catalog; add them before using a parent-child subquery`
        ]);
    });

    it('reports Apex that does not parse, naming the file', async () => {
        await expect(parseApex('public class Broken { void x( { }', 'Broken.cls')).rejects.toThrow(
            /^Broken\.cls: Apex does not parse/
        );
        const out = await apexProblems('    public static void run( {');
        expect(out).toHaveLength(1);
        expect(out[0]).toMatch(/^force-app\/main\/default\/classes\/Seeded\.cls:- \[apex\] {2}— .*Apex does not parse/);
    });
});
