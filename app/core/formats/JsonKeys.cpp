#include "formats/JsonKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>

namespace JsonKeys {

std::optional<QString> repeated(const QByteArray& object)
{
    QVarLengthArray<QString, 8> names;
    int depth = 0;
    const qsizetype n = object.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = object[i];
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == '"') {
            qsizetype end = i + 1;
            bool escaped = false;
            for (; end < n && object[end] != '"'; ++end)
                if (object[end] == '\\') {
                    escaped = true;
                    ++end;
                }
            qsizetype next = end + 1;
            while (next < n && (object[next] == ' ' || object[next] == '\t' || object[next] == '\r'))
                ++next;
            if (depth == 1 && next < n && object[next] == ':') {
                // A name with escapes is compared as it reads ("\u0061" is "a").
                const QString name =
                    escaped ? QJsonDocument::fromJson("[" + object.mid(i, end - i + 1) + "]").array().at(0).toString()
                            : QString::fromUtf8(object.constData() + i + 1, end - i - 1);
                if (std::find(names.begin(), names.end(), name) != names.end())
                    return name;
                names.append(name);
            }
            i = end;
        }
    }
    return std::nullopt;
}

} // namespace JsonKeys
