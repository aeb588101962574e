#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// Why an operation did not happen. The kind is also the command line's exit code (DESIGN.md §3).
struct Failure
{
    enum Kind
    {
        Refused = 1,
        BadInput = 2,
        Unavailable = 3
    };
    Kind kind = BadInput;
    QString message;
    // Another program holds what was needed (the database's write lock): the same call may succeed later.
    bool busy = false;
    // The connection to the database server went away (a restart, a crash, the network): the same call may
    // succeed on a new connection.
    bool connectionLost = false;
    // The change was held back for want of the administrator's say-so (a key that could not be checked would
    // replace a working one): the same call, confirmed, would go through.
    bool needsConfirmation = false;
    // With needsConfirmation: the question to ask, in one sentence that says what is kept until the answer.
    QString question = QString();
};

inline Failure refused(QString message)
{
    return {Failure::Refused, std::move(message)};
}
inline Failure badInput(QString message)
{
    return {Failure::BadInput, std::move(message)};
}
inline Failure unavailable(QString message)
{
    return {Failure::Unavailable, std::move(message)};
}

// A value or the failure that prevented it; the core never throws across its API.
template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Failure failure) : m_failure(std::move(failure)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const Failure& failure() const { return m_failure; }

private:
    std::optional<T> m_value;
    Failure m_failure;
};

using Status = Result<std::monostate>;
inline Status success()
{
    return std::monostate{};
}
