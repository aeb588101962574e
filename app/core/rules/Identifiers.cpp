#include "rules/Identifiers.h"

#include "support/Text.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

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

// The ASCII characters an id may hold: letters, digits and `punctuation`. (Tenant and event ids are checked for
// every line of an import: a table lookup per character takes a tenth of a regular expression's time.)
struct Allowed
{
    explicit constexpr Allowed(const char* punctuation)
    {
        for (char c = '0'; c <= '9'; ++c)
            ascii[int(c)] = true;
        for (char c = 'a'; c <= 'z'; ++c)
            ascii[int(c)] = ascii[int(c) - 'a' + 'A'] = true;
        for (; *punctuation; ++punctuation)
            ascii[int(*punctuation)] = true;
    }
    bool operator()(QChar c) const { return c.unicode() < 128 && ascii[c.unicode()]; }
    bool ascii[128] = {};
};

constexpr Allowed plain("");

// 1 to `longest` characters, each allowed; the first plain (a letter or digit) when `plainFirst`.
bool consistsOf(const QString& id, qsizetype longest, const Allowed& allowed, bool plainFirst)
{
    if (id.isEmpty() || id.size() > longest || (plainFirst && !plain(id.front())))
        return false;
    return std::all_of(id.begin(), id.end(), allowed);
}

} // namespace

bool isValidTenantId(const QString& id)
{
    static constexpr Allowed allowed("._-");
    return consistsOf(id, 64, allowed, true);
}

bool isValidUserName(const QString& name)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9._][A-Za-z0-9._@\\\\$-]{0,127}");
    return pattern.match(name).hasMatch();
}

bool isValidEventId(const QString& id)
{
    static constexpr Allowed allowed("._:@/+=-");
    return consistsOf(id, 128, allowed, false);
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
