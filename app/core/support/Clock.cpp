#include "support/Clock.h"

#include <QDateTime>

qint64 Clock::now() const
{
    return m_source ? m_source() : QDateTime::currentMSecsSinceEpoch();
}
