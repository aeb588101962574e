#include "rules/KeyFormat.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(KeyFormat)
};
} // namespace

namespace KeyFormat {

namespace {

// Generous bounds around today's keys (Anthropic ~108 characters, OpenAI 51 to ~170), so a truncated paste or a
// pasted paragraph is caught without rejecting a future, longer format.
constexpr int minimumLength = 20;
constexpr int maximumLength = 512;

bool isKeyCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_');
}

} // namespace

Result<QString> check(const Catalog& catalog, const QString& providerId, const QString& raw, KeyPurpose purpose)
{
    const Provider* provider = catalog.provider(providerId);
    if (!provider)
        return catalog.unknownProvider(providerId);
    const QString key = raw.trimmed();
    const QString& name = provider->name;
    if (key.isEmpty())
        return badInput(Words::tr("The %1 API key is empty.").arg(name));
    // Another provider's key: the one whose prefix is the longest the key starts with.
    if (const Provider* owner = catalog.providerOfKey(key); owner && owner != provider) {
        const QString sentence = owner->keyPrefix.size() > provider->keyPrefix.size()
                                     ? Words::tr("This key is for %1 (%2…); enter it in the %1 field, not the %3 one.")
                                     : Words::tr("This looks like a key for %1 (%2…); enter it in the %1 field, not "
                                                 "the %3 one.");
        return badInput(sentence.arg(owner->name, owner->keyPrefix, name));
    }
    // Admin keys manage an organisation (members, keys, usage reports) but cannot call the models.
    const bool admin = isAdminKey(*provider, key);
    if (purpose == KeyPurpose::Usage) {
        if (provider->usagePath.isEmpty())
            return badInput(
                Words::tr("AI Settings cannot read %1's usage reports, so it keeps no usage key for it.").arg(name));
        if (!admin && key.startsWith(provider->keyPrefix) && !provider->readOnlyReports.offered())
            return badInput(Words::tr("This is an API key of %1, which runs AI actions but cannot read the "
                                      "organisation's usage reports; create an Admin key at %2 and enter that.")
                                .arg(name, provider->consoleHost()));
        const bool mayBeReadOnly = provider->readOnlyReports.offered() && key.startsWith(provider->keyPrefix);
        if (!admin && !mayBeReadOnly)
            return badInput(
                Words::tr("%1 Admin keys start with \"%2\".").arg(name, provider->adminKeyPrefixes.value(0)));
    } else {
        if (admin)
            return badInput(Words::tr("This is an Admin key of %1, which manages an organisation but cannot run AI "
                                      "actions; create an API key at %2 and enter that.")
                                .arg(name, provider->consoleHost()));
        if (!key.startsWith(provider->keyPrefix))
            return badInput(Words::tr("%1 API keys start with \"%2\".").arg(name, provider->keyPrefix));
    }
    for (QChar c : key)
        if (!isKeyCharacter(c))
            return badInput(Words::tr("The %1 API key may hold only letters, digits, \"-\" and \"_\"; check that "
                                      "nothing else was pasted with it.")
                                .arg(name));
    if (key.size() < minimumLength || key.size() > maximumLength)
        return badInput(Words::tr("The %1 API key is %2 characters long, which no %1 key is; check that all of it "
                                  "was pasted.")
                            .arg(name)
                            .arg(key.size()));
    return key;
}

bool isAdminKey(const Provider& provider, const QString& key)
{
    return std::any_of(provider.adminKeyPrefixes.cbegin(), provider.adminKeyPrefixes.cend(),
                       [&](const QString& prefix) { return key.startsWith(prefix); });
}

bool needsProviderToTell(const Provider& provider, const QString& key, KeyPurpose purpose)
{
    return purpose == KeyPurpose::Usage && provider.readOnlyReports.offered() && !isAdminKey(provider, key);
}

QString fingerprint(const QString& key)
{
    return key.right(4);
}

QString masked(const Provider& provider, const QString& fingerprint)
{
    return provider.keyPrefix + QString(8, QChar(0x2022)) + fingerprint;
}

} // namespace KeyFormat
