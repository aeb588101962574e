#pragma once

#include "rules/Catalog.h"
#include "rules/KeyState.h"
#include "support/Result.h"

#include <QString>

// What a provider key must look like before it is stored or sent anywhere (DESIGN.md §2), by the catalog's
// facts of each provider (key prefix, admin key prefixes). Messages never contain the key, not even part of it.
namespace KeyFormat {

// Trims surrounding whitespace and newlines, then checks prefix, characters and length for the catalog's
// `provider`. A key pasted into another provider's field is refused with a message naming the right field, an
// admin key with one saying what it is. Returns the trimmed key.
// A usage key is the other way round: it must be one of the provider's admin keys, and an API key is refused
// with a sentence saying which key reads the usage reports. Where the provider offers read-only keys for its
// reports (Provider::readOnlyReports), which look like API keys, a key of the API key's shape passes: only the
// provider can tell the two apart, so it is asked before such a key is kept (needsProviderToTell).
Result<QString> check(const Catalog& catalog, const QString& provider, const QString& raw,
                      KeyPurpose purpose = KeyPurpose::Inference);

// Whether `key` is one of the provider's admin keys (by its prefix).
bool isAdminKey(const Provider& provider, const QString& key);
// A usage key that is not an admin key: a read-only key for the reports or an API key, which only the provider's
// answer tells apart. Such a key is kept only once the provider has read it a report.
bool needsProviderToTell(const Provider& provider, const QString& key, KeyPurpose purpose);

// The last four characters: all the database may keep of a key.
QString fingerprint(const QString& key);

// What the field shows once a key is saved: the provider's key prefix, dots, the fingerprint
// ("sk-ant-••••••••wxyz").
QString masked(const Provider& provider, const QString& fingerprint);

} // namespace KeyFormat
