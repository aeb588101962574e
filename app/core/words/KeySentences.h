#pragma once

#include "model/KeyRecords.h"
#include "rules/Catalog.h"
#include "support/Result.h"

#include <QCoreApplication>

// How a key's place is told, once for the command line and the window: whose key an action uses, and whose
// key a sentence is about.
class KeySentences
{
    Q_DECLARE_TR_FUNCTIONS(KeySentences)

public:
    // "the install" or "tenant acme".
    static QString scope(const QString& tenant);
    // "the install", "tenant acme", or for a usage key "the usage reports".
    static QString scope(const QString& tenant, KeyPurpose purpose);
    // The record's state in the page's words; an active usage key is "Active", not "Active (BYOK)".
    static QString stateLabel(const KeyRecord& record);
    // "Anthropic actions use the install's key (Active (BYOK))." / "… use AI credits.", and a tenant key the
    // plan leaves unused with the ledger's reason.
    static QString inForce(const Provider& provider, const Result<KeyStatus>& status);
    // A key check's verdict in one sentence ("Anthropic rejected the key (401, request req_1): invalid x-api-key."),
    // in the user's language, or in English for machine-readable output; empty when there is nothing to say.
    // The provider's own words stay as it said them.
    static QString verdict(const KeyVerdict& verdict, const Provider& provider, bool english = false);
    // Why a usage key that is no admin key was not kept (KeyFormat::needsProviderToTell): the provider would not
    // read it a report (`refusedByProvider`: 401 or 403, so it is an API key or lacks the scope), or could not be
    // asked; `verdict` is the provider's answer.
    static QString readOnlyKeyNotKept(const KeyVerdict& verdict, const Provider& provider, bool refusedByProvider);
    // Such a key set without the check.
    static QString readOnlyKeyNeedsCheck(const Provider& provider);
};
