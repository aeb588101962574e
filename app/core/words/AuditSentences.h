#pragma once

#include "model/AuditEntry.h"
#include "rules/Catalog.h"

#include <QCoreApplication>
#include <QString>

// An audit line as the window tells it, in the user's language. The trail itself keeps its lines as written
// ("key.openai", "set install key …wxyz: not_verified"), the same for every locale, as the command line and the
// CSV export show them; this words them: "OpenAI key", "Set the install key …wxyz: Not verified."
class AuditSentences
{
    Q_DECLARE_TR_FUNCTIONS(AuditSentences)

public:
    // What changed: "Anthropic key", "Model of Content & Themes", "Plan", "Reset day", …
    static QString subject(const AuditEntry& entry, const Catalog& catalog);
    // How it changed; a line of a form this version does not know is shown as written.
    static QString change(const AuditEntry& entry, const Catalog& catalog);
};
