#pragma once

#include <QtGlobal>

#include <functional>

// The one clock the core reads, in milliseconds since the Unix epoch. The program always reads the system's;
// a test or a benchmark gives a ledger (or the window) one of its own: a fixed instant, or a function it moves.
// Code that needs "now" asks the clock it was given, once per decision, and never the system directly.
class Clock
{
public:
    using Source = std::function<qint64()>;

    // The system clock.
    Clock() = default;
    explicit Clock(Source source) : m_source(std::move(source)) {}
    // Always `msecs`: a test pinned to one instant.
    static Clock fixedAt(qint64 msecs)
    {
        return Clock([msecs] { return msecs; });
    }

    qint64 now() const;
    bool isSystem() const { return !m_source; }

private:
    Source m_source;
};
