#include "rules/Identifiers.h"

#include "support/Text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Identifiers)
};
} // namespace

namespace Identifiers {

namespace {

// The whole string must match (\A…\z): a pattern ending in "$" also matches before a final newline, which let
// "acme\n" pass as a second tenant that lists exactly like "acme".
QRegularExpression wholeString(const char* pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
}

} // namespace

bool isValidTenantId(const QString& id)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    return pattern.match(id).hasMatch();
}

bool isValidUserName(const QString& name)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9._][A-Za-z0-9._@\\\\$-]{0,127}");
    return pattern.match(name).hasMatch();
}

bool isValidEventId(const QString& id)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9._:@/+=-]{1,128}");
    return pattern.match(id).hasMatch();
}

Status checkDisplayName(const QString& name)
{
    if (Text::hasControlCharacters(name))
        return badInput(Words::tr("The name %1 holds a control character; use plain text.").arg(Text::quoted(name)));
    if (name.trimmed().size() > Text::maxDisplayNameLength)
        return badInput(Words::tr("The name is %1 characters long; use at most %2.")
                            .arg(name.trimmed().size())
                            .arg(Text::maxDisplayNameLength));
    return success();
}

} // namespace Identifiers
