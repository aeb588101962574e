#include "DatabaseWaiter.h"

#include "Environment.h"
#include "Ledger.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace Ui {

namespace {

// One attempt's wait for the lock: short, so that closing the window never waits long for the worker.
constexpr int attemptMs = 500;

} // namespace

DatabaseWaiter::DatabaseWaiter(const QString& databasePath, const Catalog& catalog, QObject* parent) : QObject(parent)
{
    QPointer<DatabaseWaiter> self(this);
    m_thread = QThread::create([self, stop = m_stop, databasePath, &catalog] {
        Failure failure;
        while (!*stop) {
            // A connection of its own, closed again at once: the window opens its own once the schema is ready.
            const auto opened = Ledger::open(databasePath, catalog, Environment::currentUserName(), attemptMs);
            if (opened || !opened.failure().busy) {
                const QString message = opened ? QString() : opened.failure().message;
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(), [self, message] {
                        if (!self)
                            return;
                        if (message.isEmpty())
                            emit self->ready();
                        else
                            emit self->failed(message);
                    },
                    Qt::QueuedConnection);
                return;
            }
        }
    });
    m_thread->start();
}

DatabaseWaiter::~DatabaseWaiter()
{
    *m_stop = true;
    m_thread->wait();
    delete m_thread;
}

} // namespace Ui
