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
    // "Anthropic actions use the install's key (Active (BYOK))." / "… use AI credits.", and a tenant key the
    // plan leaves unused with the ledger's reason.
    static QString inForce(const Provider& provider, const Result<KeyStatus>& status);
};
