#pragma once

#include "rules/CreditRules.h"

#include <QString>

// One AI query as the ledger stores it, and as usage files carry it.
struct UsageEvent
{
    QString id;
    qint64 occurredAt = 0; // ms since the epoch
    QString tenant;        // empty: the install itself
    QString action;
    QString model; // empty for actions without a model slot
    CreditRules::Billing billing = CreditRules::Billing::Credits;
    int credits = 0;

    bool operator==(const UsageEvent& o) const
    {
        return id == o.id && occurredAt == o.occurredAt && tenant == o.tenant && action == o.action &&
               model == o.model && billing == o.billing && credits == o.credits;
    }
};

// A line of a usage file before the rules have been applied to it.
struct ImportRow
{
    int line = 0; // where it starts in the file, for error messages
    UsageEvent event;
    bool creditsGiven = false; // false: compute them by the rules
};
