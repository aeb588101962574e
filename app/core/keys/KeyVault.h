#pragma once

#include "model/KeyRecords.h"
#include "support/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

// Which keychain entry holds a key: one per database (install), tenant and provider.
struct KeyEntry
{
    QString installId; // the database's own id, so that two databases never share an entry
    QString tenant;    // empty: install level
    QString provider;
    KeyPurpose purpose = KeyPurpose::Inference;

    // "<install id>/install/anthropic", "<install id>/tenant/acme/openai", "<install id>/usage/anthropic"
    QString account() const;
};

// Provider keys in the operating system's keychain through QtKeychain (Secret Service, macOS Keychain,
// Windows Credential Manager). Insecure fallback is off: when no keychain answers, the operation fails.
// Every operation is asynchronous and answers exactly once, after at most the timeout.
class KeyVault : public QObject
{
    Q_OBJECT

public:
    enum class Operation
    {
        Save,
        Read,
        Remove
    };

    static constexpr const char* serviceName = "ai-settings";

    explicit KeyVault(QObject* parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    void save(const KeyEntry& entry, const QString& key, std::function<void(Status)> done);
    // nullopt when the keychain holds no such entry.
    void read(const KeyEntry& entry, std::function<void(Result<std::optional<QString>>)> done);
    // Removing an entry that is not there succeeds.
    void remove(const KeyEntry& entry, std::function<void(Status)> done);

    // One sentence for a keychain error; `code` is a QKeychain::Error. Public so that the table can be tested.
    static Failure describe(Operation operation, int code, const QString& backendMessage);
    static Failure timedOut(Operation operation, int timeoutMs);

private:
    // Starts `job` and calls `finished` once: with the job when it ends, or with null when the timeout comes
    // first. A job that overstays is left to end on its own: QtKeychain's callbacks still point at it.
    void run(QKeychain::Job* job, std::function<void(QKeychain::Job*)> finished);

    int m_timeoutMs = 10000;
};
