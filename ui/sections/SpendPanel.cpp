#include "sections/SpendPanel.h"

#include "session/Session.h"
#include "widgets/DailyChart.h"
#include "widgets/Tables.h"
#include "words/SpendSentences.h"
#include "words/UsageSentences.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Ui {

SpendPanel::SpendPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Provider Spend"), parent), m_session(session), m_periodCombo(new QComboBox(this)),
      m_syncButton(new QPushButton(tr("&Sync now"), this)), m_cancelButton(new QPushButton(tr("&Cancel sync"), this)),
      m_statusLabel(new QLabel(this)), m_findingsLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("spendPanel"));
    m_periodCombo->setObjectName(QStringLiteral("spendPeriodCombo"));
    m_syncButton->setObjectName(QStringLiteral("spendSyncButton"));
    m_cancelButton->setObjectName(QStringLiteral("spendCancelButton"));
    m_statusLabel->setObjectName(QStringLiteral("spendStatusLabel"));
    m_findingsLabel->setObjectName(QStringLiteral("spendFindingsLabel"));
    m_cancelButton->setVisible(false);
    for (QLabel* label : {m_statusLabel, m_findingsLabel}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("What your own keys cost by the providers' reports, read with the usage keys (Keys, "
                                "Usage keys) and kept here, beside the credits the same runs would have cost."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* controls = new QHBoxLayout;
    auto* periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_periodCombo);
    controls->addWidget(periodLabel);
    controls->addWidget(m_periodCombo);
    controls->addStretch();
    controls->addWidget(m_syncButton);
    controls->addWidget(m_cancelButton);
    layout->addLayout(controls);
    layout->addWidget(m_statusLabel);
    for (const Provider& p : session.catalog().providers()) {
        if (p.usagePath.isEmpty())
            continue;
        ProviderPart part;
        part.heading = new QLabel(this);
        part.heading->setObjectName(QStringLiteral("spendHeading_") + p.id);
        QFont bold = part.heading->font();
        bold.setBold(true);
        part.heading->setFont(bold);
        part.models =
            Tables::create({tr("Whose key"), tr("Model"), tr("Cost"), tr("How"), tr("Input"), tr("Cache write 5 m"),
                            tr("Cache write 1 h"), tr("Cache read"), tr("Output"), tr("Images")},
                           0, this);
        part.models->setObjectName(QStringLiteral("spendModels_") + p.id);
        part.models->setAccessibleName(tr("%1 spend per key and model").arg(p.name));
        part.holders = new QLabel(this);
        part.holders->setObjectName(QStringLiteral("spendHolders_") + p.id);
        part.holders->setWordWrap(true);
        part.chart = new DailyChart(this);
        part.chart->setObjectName(QStringLiteral("spendChart_") + p.id);
        part.chart->setAccessibleName(tr("%1 dollars per day on this install's keys").arg(p.name));
        part.days =
            Tables::create({tr("Day (UTC)"), tr("This install's keys"), tr("Billed to the organisation")}, 0, this);
        part.days->setObjectName(QStringLiteral("spendDays_") + p.id);
        part.days->setAccessibleName(tr("%1 spend per day").arg(p.name));
        for (QWidget* w :
             {static_cast<QWidget*>(part.heading), static_cast<QWidget*>(part.models),
              static_cast<QWidget*>(part.holders), static_cast<QWidget*>(part.chart), static_cast<QWidget*>(part.days)})
            layout->addWidget(w);
        m_providers.insert(p.id, part);
    }
    layout->addWidget(m_findingsLabel);
    connect(m_syncButton, &QPushButton::clicked, this, &SpendPanel::syncNow);
    connect(m_cancelButton, &QPushButton::clicked, &m_session, &Session::cancelSpendSync);
    connect(m_periodCombo, &QComboBox::activated, this, [this] { readWanted(); });
    connect(&m_session, &Session::spendSyncProgress, this, [this](const QString& reading) {
        showSyncing(true);
        m_statusLabel->setText(tr("Reading %1…").arg(reading));
    });
    connect(&m_session, &Session::spendSyncFinished, this, [this](const QStringList& sentences) {
        showSyncing(false);
        m_statusLabel->setText(sentences.join(QLatin1Char('\n')));
    });
}

void SpendPanel::ask(PageRequest& request) const
{
    request.spend = isVisible();
    request.spendPeriod = m_periodCombo->currentData().toString();
}

void SpendPanel::syncNow()
{
    showSyncing(true);
    m_statusLabel->setText(tr("Reading the providers' reports…"));
    m_session.syncSpend(m_shown, false);
    if (!m_session.isSyncingSpend())
        showSyncing(false);
}

void SpendPanel::showSyncing(bool syncing)
{
    m_syncButton->setVisible(!syncing);
    m_cancelButton->setVisible(syncing);
}

void SpendPanel::load(const PageState& state)
{
    m_shown.role = state.role;
    m_shown.now = state.now;
    m_shown.keys = state.keys;
    m_shown.syncedAt = state.syncedAt;
    const bool mayAdminister = canAdminister(state.role);
    m_syncButton->setEnabled(mayAdminister);
    m_syncButton->setToolTip(mayAdminister ? tr("Read the providers' usage and cost reports now")
                                           : tr("Only an Owner or Admin syncs the providers' reports."));
    showSyncing(m_session.isSyncingSpend());
    // The running period and the two before it, newest first; made again only when they change (a new period), so
    // that a refresh never closes the list the admin has open.
    QList<std::pair<QString, QString>> periods;
    for (int i = int(state.recent.size()) - 1; i >= 0; --i) {
        const UsageReport& r = state.recent.at(i);
        periods.append(
            {UsageSentences::periodName(r.period), i + 1 == state.recent.size() ? QString() : r.period.id()});
    }
    QList<std::pair<QString, QString>> shown;
    for (int i = 0; i < m_periodCombo->count(); ++i)
        shown.append({m_periodCombo->itemText(i), m_periodCombo->itemData(i).toString()});
    if (shown != periods) {
        const QString chosen = m_periodCombo->currentData().toString();
        m_periodCombo->clear();
        for (const auto& [name, id] : periods)
            m_periodCombo->addItem(name, id);
        m_periodCombo->setCurrentIndex(qMax(0, m_periodCombo->findData(chosen)));
    }
    if (!state.spend)
        return;
    const SpendReport& report = *state.spend;
    const QLocale locale;
    for (const SpendBooks::ProviderSpend& p : report.providers) {
        const auto part = m_providers.find(p.provider);
        if (part == m_providers.end())
            continue;
        const Provider& provider = *m_session.catalog().provider(p.provider);
        const bool keySet = state.keys.value(p.provider).usage.state != KeyState::NotSet;
        part->heading->setText(tr("%1 — %2").arg(provider.name, p.syncedAt
                                                                    ? SpendSentences::synced(p.syncedAt, state.now)
                                                                : keySet ? SpendSentences::synced(0, state.now)
                                                                         : tr("no usage key set")));
        QList<QStringList> rows;
        QStringList holders;
        for (const SpendBooks::HolderSpend& h : p.holders) {
            for (const SpendBooks::ModelSpend& m : h.models)
                rows << QStringList{SpendSentences::holder(h.owner),        m.model,
                                    SpendSentences::dollars(m.micros),      SpendSentences::basis(m.basis),
                                    locale.toString(m.tokens.input),        locale.toString(m.tokens.cacheWrite5m),
                                    locale.toString(m.tokens.cacheWrite1h), locale.toString(m.tokens.cacheRead),
                                    locale.toString(m.tokens.output),       locale.toString(m.images)};
            QString line =
                tr("%1: %2").arg(SpendSentences::holder(h.owner),
                                 h.dollarsKnown ? SpendSentences::dollars(h.micros) : SpendSentences::notPerKey());
            if (h.owner.kind == SpendBooks::KeyOwner::Kind::Install ||
                h.owner.kind == SpendBooks::KeyOwner::Kind::Tenant)
                line += QLatin1Char(' ') + SpendSentences::creditsWithout(h.byokRuns, h.creditsWithoutByok);
            holders << line;
        }
        for (const QString& fingerprint : p.unmatchedKeys)
            holders << SpendSentences::notInOrganisation(fingerprint);
        holders << SpendSentences::billedToOrganisation(p.billedMicros);
        if (!p.perKey)
            holders.prepend(SpendSentences::readOnlyReports(provider));
        Tables::fill(part->models, rows, {2, 4, 5, 6, 7, 8, 9});
        part->holders->setText(holders.join(QLatin1Char('\n')));
        // Per day: the install's and its tenants' keys together (the whole organisation's, when the reports name
        // no key), and what the organisation was billed.
        const auto charted = [&p](const SpendBooks::HolderSpend& h) {
            using Kind = SpendBooks::KeyOwner::Kind;
            return p.perKey ? h.owner.kind == Kind::Install || h.owner.kind == Kind::Tenant
                            : h.owner.kind == Kind::Organisation;
        };
        QMap<QDate, std::pair<qint64, qint64>> perDay;
        for (const SpendBooks::HolderSpend& h : p.holders)
            if (charted(h))
                for (auto it = h.microsPerDay.cbegin(); it != h.microsPerDay.cend(); ++it)
                    perDay[it.key()].first += it.value();
        for (auto it = p.billedPerDay.cbegin(); it != p.billedPerDay.cend(); ++it)
            perDay[it.key()].second += it.value();
        // The chart: every day of the period.
        QVector<DailyChart::Bar> bars;
        qint64 total = 0;
        QDate costliest;
        for (QDate d = report.first; d <= report.last; d = d.addDays(1)) {
            const auto [mine, billed] = perDay.value(d);
            total += mine;
            if (mine > 0 && (!costliest.isValid() || mine > perDay.value(costliest).first))
                costliest = d;
            const QString day = locale.toString(d, QLocale::ShortFormat);
            bars.append({d, mine, false,
                         p.perKey ? tr("%1: %2 on this install's keys, %3 billed to the organisation")
                                        .arg(day, SpendSentences::dollars(mine), SpendSentences::dollars(billed))
                                  : tr("%1: %2 used by the whole organisation, %3 billed to it")
                                        .arg(day, SpendSentences::dollars(mine), SpendSentences::dollars(billed))});
        }
        const QString costliestDay = locale.toString(costliest, QLocale::ShortFormat);
        QString summary;
        if (p.perKey)
            summary = costliest.isValid() ? tr("%1 on this install's keys in this period; the costliest day was %2.")
                                                .arg(SpendSentences::dollars(total), costliestDay)
                                          : tr("Nothing was spent on this install's keys in this period.");
        else
            summary = costliest.isValid()
                          ? tr("%1 used by the whole organisation in this period; the costliest day was %2.")
                                .arg(SpendSentences::dollars(total), costliestDay)
                          : tr("The whole organisation used nothing in this period.");
        part->chart->setBars(
            bars, p.perKey ? tr("dollars per day, this install's keys") : tr("dollars per day, the whole organisation"),
            [](qint64 micros) { return SpendSentences::dollars(micros); }, summary);
        part->chart->setVisible(p.syncedAt != 0);
        QList<QStringList> days;
        for (auto it = perDay.cbegin(); it != perDay.cend(); ++it)
            days << QStringList{locale.toString(it.key(), QLocale::ShortFormat), SpendSentences::dollars(it->first),
                                SpendSentences::dollars(it->second)};
        part->days->horizontalHeaderItem(1)->setText(p.perKey ? tr("This install's keys")
                                                              : tr("The whole organisation"));
        Tables::fill(part->days, days, {1, 2});
        part->models->setVisible(!rows.isEmpty());
        part->days->setVisible(!days.isEmpty());
    }
    QStringList findings;
    for (const SpendFinding& f : report.findings)
        findings << QStringLiteral("\u26a0 ") + SpendSentences::finding(f, *m_session.catalog().provider(f.provider));
    findings.prepend(SpendSentences::findingsHeading(findings.size() > 0));
    m_findingsLabel->setText(findings.join(QLatin1Char('\n')));
}

} // namespace Ui
