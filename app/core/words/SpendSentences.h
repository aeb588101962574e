#pragma once

#include "model/Spend.h"
#include "rules/Catalog.h"

#include <QCoreApplication>
#include <QString>

// The sentences of the spend report, once for the command line and the window alike. Money is shown in dollars
// from exact micro-dollars; numbers follow the default QLocale.
class SpendSentences
{
    Q_DECLARE_TR_FUNCTIONS(SpendSentences)

public:
    // "$12.35": micro-dollars rounded to the cent, half up ("<$0.01" for less than half a cent but more than none).
    static QString dollars(qint64 micros);
    // "12.345678": the exact amount, for machine-readable output.
    static QString exactDollars(qint64 micros);
    // "synced 2 h ago", "synced 5 min ago", "synced just now", "synced 3 days ago", "never synced".
    static QString synced(qint64 syncedAt, qint64 now);
    // Whose usage a line is: "The install's key …igAA", "Tenant acme's key …wxyz", "Other keys of your organisation
    // (not this install's)", "Usage without a key (the Workbench or the console)", "Keys that fit more than one of
    // the install's keys", "The whole organisation (its analytics reports name no key)".
    static QString holder(const SpendBooks::KeyOwner& owner);
    // "at list prices" / "billed" / "price unknown".
    static QString basis(SpendBooks::Basis basis);
    // One finding, with its day: "2026-11-14: Anthropic saw the install's key …igAA used, and no BYOK run was
    // recorded: the key was used outside this install, or runs were not recorded."
    static QString finding(const SpendFinding& finding, const Provider& provider);
    // "3 BYOK runs recorded; they would have cost 15 credits without BYOK."
    static QString creditsWithout(qint64 runs, qint64 credits);
    // A key of the install that the usage key's organisation does not hold (a tenant's own account, say).
    static QString notInOrganisation(const QString& fingerprint);
    // "Billed to the organisation (cost report): $12.35"
    static QString billedToOrganisation(qint64 micros);
    // What a holder's line says instead of dollars when the reports name no key (ProviderSpend::perKey).
    static QString notPerKey();
    // Why, once per provider: the reports were read with a read-only key, which counts per model, not per key.
    static QString readOnlyReports(const Provider& provider);
    // The heading of the findings, or the sentence that there are none.
    static QString findingsHeading(bool any);
};
