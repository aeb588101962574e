#pragma once

#include "services/PageState.h"
#include "support/Clock.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

class Catalog;
class QTimer;

// Reads the page's state off the window's thread, so that a slow server never freezes the window, on a
// connection of its own to the same ledger, opened on its thread when first needed and again after it was lost.
// One read runs at a time; what is asked meanwhile is read next, once (reads asked in a burst make one), and a
// result overtaken by a different request is not handed on. The result comes back on the thread that asked.
class PageReader : public QObject
{
    Q_OBJECT

public:
    PageReader(QString location, const Catalog& catalog, QString userName, Clock clock, QObject* parent = nullptr);
    // Waits for a read that runs (bounded by the server's answer), then closes the connection on its thread.
    ~PageReader() override;

    void read(const PageRequest& request);
    bool isReading() const { return m_asked.has_value(); }

    // A read running this long makes the reader say it waits (waiting(true)).
    static constexpr int slowAfterMs = 1000;

signals:
    // A read ended: the state, or why there is none; `lost`: the connection to a shared ledger's server broke.
    void stateRead(const Result<PageState>& state, bool lost);
    // A read has been running for slowAfterMs (true), or the one that did has ended (false).
    void waiting(bool slow);

private:
    void send(const PageRequest& request);
    void receive(const PageRequest& request, const Result<PageState>& state, bool lost);

    struct Worker; // lives on the thread: the connection
    QThread m_thread;
    QObject* m_context; // on the thread: what the reads run in
    std::shared_ptr<Worker> m_worker;
    std::optional<PageRequest> m_asked; // the read running
    std::optional<PageRequest> m_next;  // asked while it ran
    QTimer* m_slow;
    bool m_saidSlow = false;
};
