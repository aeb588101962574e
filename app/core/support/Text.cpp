#include "support/Text.h"

#include <QList>

namespace Text {

namespace {

// C0 and C1 controls, DEL, and the invisible format characters that reorder or hide text (bidi overrides and
// isolates, zero-width marks), which can make a shown value read as something else.
bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

void appendEscape(QString& out, char32_t c)
{
    switch (c) {
    case '\n':
        out += QLatin1String("\\n");
        return;
    case '\r':
        out += QLatin1String("\\r");
        return;
    case '\t':
        out += QLatin1String("\\t");
        return;
    default:
        break;
    }
    if (c < 0x100)
        out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    else
        out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}

QString escape(QStringView value, int maxLength)
{
    QString out;
    int shown = 0;
    for (auto it = value.begin(); it != value.end();) {
        const auto start = it;
        char32_t c = it->unicode();
        ++it;
        if (QChar::isHighSurrogate(c) && it != value.end() && it->isLowSurrogate()) {
            c = QChar::surrogateToUcs4(*start, *it);
            ++it;
        }
        if (maxLength >= 0 && shown == maxLength) {
            out += QChar(0x2026);
            break;
        }
        ++shown;
        if (isControl(c))
            appendEscape(out, c);
        else
            out.append(QStringView(start, it));
    }
    return out;
}

} // namespace

QString escaped(QStringView value, int maxLength)
{
    return escape(value, maxLength);
}

QString quoted(QStringView value, int maxLength)
{
    return QLatin1Char('"') + escape(value, maxLength) + QLatin1Char('"');
}

QString printable(QStringView line)
{
    return escape(line, -1);
}

bool hasControlCharacters(QStringView value)
{
    for (char32_t c : value.toUcs4())
        if (isControl(c))
            return true;
    return false;
}

QString isolated(const QString& value)
{
    return QChar(0x2068) + value + QChar(0x2069); // FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
}

} // namespace Text
