#include "rules/KeyFormat.h"

#include "support/Text.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(KeyFormat)
};
} // namespace

namespace KeyFormat {

namespace {

const QString anthropicPrefix = QStringLiteral("sk-ant-");
const QString openAiPrefix = QStringLiteral("sk-");

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

Failure unknownProvider(const QString& provider)
{
    return badInput(Words::tr("Unknown provider %1; expected anthropic or openai.").arg(Text::quoted(provider)));
}

Result<QString> check(const QString& provider, const QString& raw)
{
    const QString key = raw.trimmed();
    const bool anthropic = provider == QLatin1String("anthropic");
    if (!anthropic && provider != QLatin1String("openai"))
        return unknownProvider(provider);
    const QString name = anthropic ? Words::tr("Anthropic") : Words::tr("OpenAI");
    if (key.isEmpty())
        return badInput(Words::tr("The %1 API key is empty.").arg(name));
    const bool looksAnthropic = key.startsWith(anthropicPrefix);
    if (!anthropic && looksAnthropic)
        return badInput(
            Words::tr("This is an Anthropic key (sk-ant-…); enter it in the Anthropic field, not the OpenAI one."));
    if (anthropic && !looksAnthropic && key.startsWith(openAiPrefix))
        return badInput(
            Words::tr("This looks like an OpenAI key (sk-…); enter it in the OpenAI field, not the Anthropic one."));
    // Admin keys manage an organisation (members, keys, usage reports) but cannot call the models.
    if (key.startsWith(anthropic ? QLatin1String("sk-ant-admin") : QLatin1String("sk-admin-")))
        return badInput(Words::tr("This is an %1 Admin key, which manages an organisation but cannot run AI "
                                  "actions; create an API key at %2 and enter that.")
                            .arg(name, anthropic ? QStringLiteral("console.anthropic.com")
                                                 : QStringLiteral("platform.openai.com")));
    const QString& prefix = anthropic ? anthropicPrefix : openAiPrefix;
    if (!key.startsWith(prefix))
        return badInput(Words::tr("An %1 API key starts with \"%2\".").arg(name, prefix));
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

QString fingerprint(const QString& key)
{
    return key.right(4);
}

QString masked(const QString& provider, const QString& fingerprint)
{
    const QString& prefix = provider == QLatin1String("anthropic") ? anthropicPrefix : openAiPrefix;
    return prefix + QString(8, QChar(0x2022)) + fingerprint;
}

} // namespace KeyFormat
