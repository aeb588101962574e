#include "rules/Identifiers.h"

#include "support/Text.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>

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

// An ASCII letter or digit, or one of `punctuation`. (Tenant and event ids are checked for every line of an import:
// a loop over the characters takes a tenth of a regular expression's time.)
bool isPlainOr(QChar c, const char* punctuation)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9'))
        return true;
    return u < 0x80 && u != 0 && std::strchr(punctuation, char(u)) != nullptr;
}

// 1 to `longest` characters, each plain or one of `punctuation`; the first plain when `plainFirst`.
bool consistsOf(const QString& id, qsizetype longest, const char* punctuation, bool plainFirst)
{
    if (id.isEmpty() || id.size() > longest)
        return false;
    if (plainFirst && !isPlainOr(id.front(), ""))
        return false;
    return std::all_of(id.begin(), id.end(), [punctuation](QChar c) { return isPlainOr(c, punctuation); });
}

} // namespace

bool isValidTenantId(const QString& id)
{
    return consistsOf(id, 64, "._-", true);
}

bool isValidUserName(const QString& name)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9._][A-Za-z0-9._@\\\\$-]{0,127}");
    return pattern.match(name).hasMatch();
}

bool isValidEventId(const QString& id)
{
    return consistsOf(id, 128, "._:@/+=-", false);
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
