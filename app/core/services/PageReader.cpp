#include "services/PageReader.h"

#include "ledger/Ledger.h"

#include <QTimer>

struct PageReader::Worker
{
    QString location;
    const Catalog& catalog;
    QString userName;
    Clock clock;
    std::unique_ptr<Ledger> ledger; // touched on the reader's thread only

    // Opens the connection when there is none, then reads; a lost connection is dropped, to be opened anew (not
    // reopened in place: a statement on a connection whose reopening failed would only warn).
    std::pair<Result<PageState>, bool> read(const PageRequest& request)
    {
        if (ledger && ledger->connectionLost())
            ledger.reset();
        if (!ledger) {
            auto opened = Ledger::open(location, catalog, userName);
            if (!opened)
                return {opened.failure(), opened.failure().connectionLost};
            ledger = std::move(opened).value();
            ledger->setClock(clock);
            ledger->setReconnectWait(-1);
        }
        auto state = PageState::read(*ledger, request);
        const bool lost = ledger->connectionLost() || (!state && state.failure().connectionLost);
        if (lost)
            ledger.reset();
        return {std::move(state), lost};
    }
};

PageReader::PageReader(QString location, const Catalog& catalog, QString userName, Clock clock, QObject* parent)
    : QObject(parent), m_context(new QObject),
      m_worker(
          std::make_shared<Worker>(Worker{std::move(location), catalog, std::move(userName), std::move(clock), {}})),
      m_slow(new QTimer(this))
{
    m_thread.setObjectName(QStringLiteral("PageReader"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    m_slow->setSingleShot(true);
    m_slow->setInterval(slowAfterMs);
    connect(m_slow, &QTimer::timeout, this, [this] {
        m_saidSlow = true;
        emit waiting(true);
    });
}

PageReader::~PageReader()
{
    // The connection closes on the thread it was opened on (Qt's SQL connections belong to their thread).
    // Waits for a read that runs; its result, posted to this reader, goes with it.
    QMetaObject::invokeMethod(
        m_context, [worker = m_worker] { worker->ledger.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PageReader::read(const PageRequest& request)
{
    if (m_asked) {
        m_next = request;
        return;
    }
    send(request);
}

void PageReader::send(const PageRequest& request)
{
    m_asked = request;
    m_slow->start();
    // The destructor waits for the thread, so this reader is there to post the result to.
    QMetaObject::invokeMethod(m_context, [this, worker = m_worker, request] {
        auto read = worker->read(request);
        QMetaObject::invokeMethod(
            this, [this, request, read = std::move(read)] { receive(request, read.first, read.second); },
            Qt::QueuedConnection);
    });
}

void PageReader::receive(const PageRequest& request, const Result<PageState>& state, bool lost)
{
    m_asked.reset();
    m_slow->stop();
    if (m_saidSlow) {
        m_saidSlow = false;
        emit waiting(false);
    }
    std::optional<PageRequest> next = std::exchange(m_next, std::nullopt);
    // A result for what is no longer asked is not shown; the same request asked again is read again (the ledger
    // changed meanwhile), the result shown first.
    if (!next || *next == request || lost)
        emit stateRead(state, lost);
    if (next && !lost)
        send(*next);
}
