#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace JsonKeys {

// The first name that appears twice among the members of the JSON object `object` (its top level only), or
// nullopt. Qt keeps the last of two equal names without a word; a usage line that names a field twice is
// ambiguous, and refused. `object` is valid JSON, already parsed once.
std::optional<QString> repeated(const QByteArray& object);

} // namespace JsonKeys
