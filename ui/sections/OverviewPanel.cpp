#include "sections/OverviewPanel.h"

#include "model/Settings.h"
#include "rules/KeyFormat.h"
#include "session/Session.h"
#include "widgets/AlertStyle.h"
#include "widgets/PeriodBar.h"
#include "widgets/StatusBadge.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Ui {

namespace {

QLabel* plainLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* heading(const QString& text)
{
    auto* label = new QLabel(text);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

OverviewPanel::OverviewPanel(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_usedLabel(plainLabel(QStringLiteral("overviewUsedLabel"))),
      m_bar(new PeriodBar), m_remainingLabel(plainLabel(QStringLiteral("overviewRemainingLabel"))),
      m_warningLabel(plainLabel(QStringLiteral("overviewWarningLabel"))),
      m_modelsLabel(plainLabel(QStringLiteral("overviewModelsLabel"))),
      m_rateLabel(plainLabel(QStringLiteral("overviewRateLabel"))), m_firstSteps(new QFrame),
      m_firstStepsLabel(new QLabel), m_firstStepsActions(new QWidget)
{
    setObjectName(QStringLiteral("overviewPanel"));
    m_bar->setObjectName(QStringLiteral("overviewCreditsBar"));
    m_bar->setAccessibleName(tr("AI credits used"));
    m_bar->setTextVisible(false);
    m_bar->setMarks({80, 90, 100}); // where the warnings start
    m_bar->setMaximumHeight(fontMetrics().height());
    m_usedLabel->setBuddy(m_bar);

    // One row per question: what it is, the answer, and the link to the section that has the details.
    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(2 * style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    int row = 0;
    const auto addRow = [&](const QString& title, QLayout* answer, QPushButton* more) {
        grid->addWidget(heading(title), row, 0, Qt::AlignTop);
        grid->addLayout(answer, row, 1);
        grid->addWidget(more, row, 2, Qt::AlignTop);
        ++row;
    };
    auto* credits = new QVBoxLayout;
    credits->addWidget(m_usedLabel);
    credits->addWidget(m_bar);
    credits->addWidget(m_remainingLabel);
    credits->addWidget(m_warningLabel);
    addRow(tr("Credits"), credits, link(tr("&Usage ›"), QStringLiteral("usage"), QStringLiteral("overviewUsageLink")));

    // One column of badges and one of text: the rows align whatever each badge says, with room between them.
    auto* keyGrid = new QGridLayout;
    keyGrid->setHorizontalSpacing(fontMetrics().averageCharWidth() * 2);
    keyGrid->setColumnStretch(1, 1);
    auto* keys = new QVBoxLayout;
    keys->addLayout(keyGrid);
    int keyRow = 0;
    for (const Provider& p : session.catalog().providers()) {
        auto* badge = new StatusBadge;
        badge->setObjectName(p.id + QStringLiteral("OverviewBadge"));
        badge->setAccessibleName(tr("%1 key status").arg(p.name));
        auto* label = plainLabel(p.id + QStringLiteral("OverviewKeyLabel"));
        keyGrid->addWidget(badge, keyRow, 0, Qt::AlignLeft | Qt::AlignTop);
        keyGrid->addWidget(label, keyRow++, 1);
        m_badges.insert(p.id, badge);
        m_keyLabels.insert(p.id, label);
    }
    addRow(tr("Keys"), keys, link(tr("&Keys ›"), QStringLiteral("keys"), QStringLiteral("overviewKeysLink")));
    auto* models = new QVBoxLayout;
    models->addWidget(m_modelsLabel);
    addRow(tr("Models"), models, link(tr("&Models ›"), QStringLiteral("models"), QStringLiteral("overviewModelsLink")));
    auto* rate = new QVBoxLayout;
    rate->addWidget(m_rateLabel);
    addRow(tr("Rate limit"), rate,
           link(tr("&Rate limit ›"), QStringLiteral("rateLimit"), QStringLiteral("overviewRateLink")));

    // The first run: what to do, instead of empty tables and an empty chart.
    m_firstSteps->setObjectName(QStringLiteral("firstStepsBox"));
    m_firstSteps->setFrameShape(QFrame::StyledPanel);
    auto* steps = new QVBoxLayout(m_firstSteps);
    steps->addWidget(heading(tr("Getting started: this ledger has no usage and no keys yet")));
    auto* text = m_firstStepsLabel;
    text->setObjectName(QStringLiteral("firstStepsLabel"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    steps->addWidget(text);
    auto* actions = m_firstStepsActions;
    auto* buttons = new QHBoxLayout(actions);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto* import = new QPushButton(tr("&Import Usage…"));
    import->setObjectName(QStringLiteral("firstStepsImportButton"));
    connect(import, &QPushButton::clicked, this, &OverviewPanel::importRequested);
    buttons->addWidget(import);
    buttons->addWidget(link(tr("Add a &Key ›"), QStringLiteral("keys"), QStringLiteral("firstStepsKeysLink")));
    buttons->addStretch();
    steps->addWidget(actions);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_firstSteps);
    layout->addLayout(grid);
    layout->addStretch();
}

QPushButton* OverviewPanel::link(const QString& text, const QString& section, const QString& objectName)
{
    auto* button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setFlat(true);
    connect(button, &QPushButton::clicked, this, [this, section] { emit sectionRequested(section); });
    return button;
}

void OverviewPanel::load(const PageState& state)
{
    showCredits(state);
    showKeys(state);
    showModels(state);
    showRateLimit(state);
    showFirstSteps(state);
}

void OverviewPanel::showCredits(const PageState& state)
{
    const UsageReport& r = state.running;
    m_usedLabel->setText(UsageSentences::used(r));
    m_bar->setRange(0, int(qMax<qint64>(1, r.allocation)));
    m_bar->setValue(int(qMin(r.poolUsed, r.allocation)));
    // Where the pool will stand at the reset at the recent pace, and the same in words.
    const auto byReset =
        r.forecast ? CreditRules::usedByReset(r.poolUsed, *r.forecast, state.now, r.period.end) : std::nullopt;
    m_bar->setProjection(byReset && r.allocation > 0 ? std::optional(double(*byReset) / double(r.allocation))
                                                     : std::nullopt);
    const QString pace = UsageSentences::forecast(r);
    m_bar->setAccessibleDescription(pace.isEmpty() ? m_usedLabel->text()
                                                   : m_usedLabel->text() + QLatin1Char(' ') + pace);
    m_bar->setToolTip(pace);
    m_remainingLabel->setText(UsageSentences::remaining(r));
    // The same step in the same colours as the Usage section.
    AlertStyle::showOnBar(m_bar, r.alertLevel);
    AlertStyle::showOnBanner(m_warningLabel, r.alertLevel, UsageSentences::warning(r));
}

void OverviewPanel::showKeys(const PageState& state)
{
    for (const Provider& p : m_session.catalog().providers()) {
        const KeyStatus inForceStatus = state.keys.value(p.id).inForce;
        const KeyStatus* status = &inForceStatus;
        StatusBadge* badge = m_badges.value(p.id);
        QLabel* label = m_keyLabels.value(p.id);
        // The key in force, as the Keys section and the rules see it; a tenant key the plan leaves unused is
        // named beside it, not in its place.
        const KeyRecord& inForce = status->record;
        badge->setState(inForce.state);
        QString text = !status->inForce() ? tr("%1: no key; its actions use AI credits.").arg(p.name)
                       : status->source == KeySource::Install && !state.tenant.isEmpty()
                           ? tr("%1: %2, the install's key").arg(p.name, KeyFormat::masked(p, inForce.fingerprint))
                           : tr("%1: %2").arg(p.name, KeyFormat::masked(p, inForce.fingerprint));
        if (status->unused)
            text += QLatin1Char(' ') + tr("This tenant's own key (%1) is not used on this plan.")
                                           .arg(KeyFormat::masked(p, status->unused->fingerprint));
        label->setText(text);
        badge->setAccessibleDescription(label->text());
    }
}

void OverviewPanel::showModels(const PageState& state)
{
    QStringList lines;
    for (const Slot& slot : m_session.catalog().modelSlots()) {
        const Model* m = m_session.catalog().model(state.settings.slotModels.value(slot.id));
        const QString cost = Settings::modelCost(*m);
        lines << (cost.isEmpty() ? tr("%1: %2").arg(shownText(slot.name), m->name)
                                 : tr("%1: %2 (%3)").arg(shownText(slot.name), m->name, cost));
    }
    m_modelsLabel->setText(lines.join(QLatin1Char('\n')));
}

void OverviewPanel::showRateLimit(const PageState& state)
{
    const QString& zone = state.timeZone;
    m_rateLabel->setText(UsageSentences::rateStanding(state.rateLimits.onCredits, false, zone) + QLatin1Char('\n') +
                         UsageSentences::rateStanding(state.rateLimits.onByok, true, zone));
}

void OverviewPanel::showFirstSteps(const PageState& state)
{
    // No key and no usage: what to do first.
    m_firstSteps->setVisible(state.storedKeys.isEmpty() && !state.hasUsage);
    // The steps are an administrator's; a Viewer is told who takes them. The role may change between refreshes.
    const bool admin = canAdminister(state.role);
    m_firstStepsLabel->setText(
        admin
            ? tr("1. Import past usage from a CSV or JSON Lines file (File › Import Usage…, Ctrl+I).\n"
                 "2. Let your servers record each AI action: ai-settings record --action content --tenant acme, "
                 "or one long-running ai-settings record --stdin.\n"
                 "3. Add an Anthropic or OpenAI key of your own: actions it covers cost no credits.")
            : tr("An Owner or Admin can import past usage, let the servers record each AI action, or add an Anthropic "
                 "or OpenAI key of your own; the page fills in as they do."));
    m_firstStepsActions->setVisible(admin);
}

} // namespace Ui
