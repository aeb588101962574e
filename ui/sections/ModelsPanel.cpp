#include "sections/ModelsPanel.h"

#include "session/Session.h"
#include "widgets/NoWheelComboBox.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Ui {

namespace {

QString modelText(const Model& m)
{
    QString text = m.name + QStringLiteral(" — ") + shownText(m.note);
    if (const QString cost = AdminSentences::modelCost(m); !cost.isEmpty())
        text += QStringLiteral(" · ") + cost;
    return text;
}

QString slotUsers(const Catalog& catalog, const QString& slot)
{
    QStringList names;
    for (const Action& a : catalog.actions())
        if (a.slot == slot)
            names << shownText(a.name);
    return QObject::tr("Used by %1.").arg(names.join(QStringLiteral(", ")));
}

} // namespace

ModelsPanel::ModelsPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Model Selection"), parent), m_session(session), m_keyModelsLabel(new QLabel(this)),
      m_messageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("modelsPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    for (const Slot& slot : session.catalog().modelSlots()) {
        auto* combo = new NoWheelComboBox(this);
        combo->setObjectName(slot.id + QStringLiteral("ModelCombo"));
        // Narrow windows (or large text) shorten the shown choice rather than the page growing sideways; the
        // open list shows every choice whole.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(18);
        combo->setAccessibleName(tr("Model for %1").arg(shownText(slot.name)));
        for (const Model& m : session.catalog().models()) {
            combo->addItem(modelText(m), m.id);
            combo->setItemData(combo->count() - 1, shownText(m.note), Qt::ToolTipRole);
        }
        connect(combo, &QComboBox::currentIndexChanged, this, &ModelsPanel::updateControls);
        m_combos.insert(slot.id, combo);
        auto* column = new QVBoxLayout;
        column->addWidget(combo);
        auto* users = new QLabel(slotUsers(session.catalog(), slot.id), this);
        users->setForegroundRole(QPalette::PlaceholderText);
        users->setWordWrap(true); // a narrow window wraps the list rather than scrolling sideways
        column->addWidget(users);
        auto* label =
            new QLabel(shownText(slot.name).replace(QLatin1Char('&'), QStringLiteral("&&")) + QLatin1Char(':'), this);
        label->setBuddy(combo);
        form->addRow(label, column);
    }
    layout->addLayout(form);
    m_keyModelsLabel->setObjectName(QStringLiteral("keyModelsLabel"));
    m_keyModelsLabel->setWordWrap(true);
    m_keyModelsLabel->setTextFormat(Qt::PlainText);
    m_keyModelsLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_keyModelsLabel);
    m_messageLabel->setObjectName(QStringLiteral("modelsMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_messageLabel);
}

void ModelsPanel::setReadOnly(const QString& reason)
{
    for (NoWheelComboBox* combo : qAsConst(m_combos)) {
        combo->setEnabled(reason.isEmpty());
        combo->setToolTip(reason);
    }
}

QHash<QString, QString> ModelsPanel::shownModels() const
{
    QHash<QString, QString> shown;
    for (auto it = m_combos.cbegin(); it != m_combos.cend(); ++it)
        shown.insert(it.key(), it.value()->currentData().toString());
    return shown;
}

void ModelsPanel::showModels(const QHash<QString, QString>& models)
{
    for (auto it = m_combos.cbegin(); it != m_combos.cend(); ++it)
        it.value()->setCurrentIndex(it.value()->findData(models.value(it.key())));
    updateControls();
}

bool ModelsPanel::isDirty() const
{
    // Nothing is applied before the first reload (a shared ledger still connecting): nothing can differ yet.
    return !m_applied.isEmpty() && shownModels() != m_applied;
}

void ModelsPanel::load(const PageState& state)
{
    const bool editing = isDirty();
    m_applied = state.settings.slotModels;
    if (!editing)
        showModels(m_applied);
    showKeyModels(state);
    updateControls();
}

void ModelsPanel::showKeyModels(const PageState& state)
{
    QStringList notes;
    for (const Slot& slot : m_session.catalog().modelSlots()) {
        const Provider* provider = m_session.catalog().slotProvider(slot.id);
        const PageState::ProviderKeys keys = state.keys.value(provider->id);
        const std::optional<QStringList>& allowed = keys.modelsByKey;
        NoWheelComboBox* combo = m_combos.value(slot.id);
        for (int i = 0; i < combo->count(); ++i) {
            const Model* m = m_session.catalog().model(combo->itemData(i).toString());
            const bool usable = !allowed || allowed->contains(m->id);
            combo->setItemText(i, usable ? modelText(*m)
                                         : modelText(*m) + QStringLiteral(" — ") + tr("not available with your key"));
        }
        if (!allowed)
            continue;
        const KeyRecord& key = keys.install.record;
        if (key.checkedAt && notes.isEmpty())
            notes << tr("The models your %1 key can use were read from %1 on %2; Test under the key reads them again.")
                         .arg(provider->name, UsageSentences::moment(*key.checkedAt, state.timeZone));
    }
    m_keyModelsLabel->setText(notes.join(QLatin1Char(' ')));
    m_keyModelsLabel->setVisible(!notes.isEmpty());
}

void ModelsPanel::updateControls()
{
    if (shownModels() != m_messageFor)
        m_messageLabel->clear();
    dirtyMayHaveChanged();
}

void ModelsPanel::discard()
{
    showModels(m_applied);
    m_messageLabel->clear();
}

Status ModelsPanel::apply()
{
    QHash<QString, QString> changed;
    const auto shown = shownModels();
    for (auto it = shown.cbegin(); it != shown.cend(); ++it)
        if (m_applied.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    // All slots change together or none does; on a refusal the shown values stay, to be saved again.
    m_messageFor = shown;
    if (const Status s = m_session.ledger().setSlotModels(changed); !s) {
        m_messageLabel->setText(QStringLiteral("⚠ ") + s.failure().message);
        return s;
    }
    m_messageLabel->setText(tr("Saved. New actions are charged at the new models' costs."));
    m_applied = shown;
    updateControls();
    m_session.refresh();
    return success();
}

} // namespace Ui
