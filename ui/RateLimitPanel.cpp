#include "RateLimitPanel.h"

#include "Session.h"
#include "UsageSentences.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Ui {

namespace {

QString standingText(const QString& kind, const RateStanding& s, const QString& timeZone)
{
    const QLocale locale;
    QString text = QObject::tr("%1: %2 of %3 queries left in the rolling hour")
                       .arg(kind, locale.toString(qMax(0, s.limit - s.used)), locale.toString(s.limit));
    if (s.nextFreeAt > 0)
        text += QObject::tr("; the next slot frees up at %1")
                    .arg(UsageSentences::clock(s.nextFreeAt, timeZone));
    return text + QLatin1Char('.');
}

} // namespace

RateLimitPanel::RateLimitPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Rate limit"), parent), m_session(session), m_creditsLabel(new QLabel(this)),
      m_byokLabel(new QLabel(this)), m_scopeLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("rateLimitPanel"));
    m_creditsLabel->setObjectName(QStringLiteral("rateOnCreditsLabel"));
    m_byokLabel->setObjectName(QStringLiteral("rateOnByokLabel"));
    m_scopeLabel->setWordWrap(true);
    m_scopeLabel->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_creditsLabel);
    layout->addWidget(m_byokLabel);
    layout->addWidget(m_scopeLabel);
}

void RateLimitPanel::showTenant(const QString& tenant)
{
    const auto limits = m_session.ledger().usage().rateLimits(tenant);
    if (!limits) {
        m_creditsLabel->setText(limits.failure().message);
        m_byokLabel->clear();
        return;
    }
    m_creditsLabel->setText(standingText(tr("On AI credits"), limits->onCredits, m_session.timeZone()));
    m_byokLabel->setText(standingText(tr("On your own keys"), limits->onByok, m_session.timeZone()));
    m_scopeLabel->setText(tenant.isEmpty()
                              ? tr("Limits count per tenant; these are the install's own queries (no tenant).")
                              : tr("Limits count per tenant; these are tenant %1's queries.").arg(tenant));
}

} // namespace Ui
