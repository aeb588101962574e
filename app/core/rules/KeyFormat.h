#pragma once

#include "support/Result.h"

#include <QString>

// What a provider key must look like before it is stored or sent anywhere (DESIGN.md §2). Messages never
// contain the key, not even part of it.
namespace KeyFormat {

// Trims surrounding whitespace and newlines, then checks prefix, characters and length for `provider`
// ("anthropic" or "openai"). A key pasted into the other provider's field is refused with a message naming
// the right field. Returns the trimmed key.
Result<QString> check(const QString& provider, const QString& raw);

// The refusal of a provider id that is neither "anthropic" nor "openai", wherever one is given.
Failure unknownProvider(const QString& provider);

// The last four characters: all the database may keep of a key.
QString fingerprint(const QString& key);

// What the field shows once a key is saved: "sk-ant-••••••••wxyz" (Anthropic) or "sk-••••••••wxyz" (OpenAI).
QString masked(const QString& provider, const QString& fingerprint);

} // namespace KeyFormat
