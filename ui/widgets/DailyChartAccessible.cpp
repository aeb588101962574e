#include "widgets/DailyChartAccessible.h"

#include "widgets/DailyChart.h"

#include <QPointer>

namespace Ui {

namespace {

// One day of the chart: a list item named by the chart's own words for it.
class DayAccessible : public QAccessibleInterface
{
public:
    DayAccessible(DailyChart* chart, int index) : m_chart(chart), m_index(index) {}

    bool isValid() const override { return m_chart && m_index < m_chart->dayCount(); }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_chart ? m_chart->window()->windowHandle() : nullptr; }
    QAccessibleInterface* parent() const override { return QAccessible::queryAccessibleInterface(m_chart); }
    QAccessibleInterface* child(int) const override { return nullptr; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QAccessibleInterface* focusChild() const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QString text(QAccessible::Text t) const override
    {
        return t == QAccessible::Name && isValid() ? m_chart->describeDay(m_index) : QString();
    }
    void setText(QAccessible::Text, const QString&) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = m_chart->slotRect(m_index);
        return QRect(m_chart->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.focusable = true;
        s.selectable = true;
        s.selected = s.focused = isValid() && m_chart->selectedDay() == m_index;
        return s;
    }

private:
    QPointer<DailyChart> m_chart;
    int m_index;
};

QAccessibleInterface* chartFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String("Ui::DailyChart") && object && object->isWidgetType())
        return new DailyChartAccessible(static_cast<QWidget*>(object));
    return nullptr;
}

} // namespace

DailyChartAccessible::DailyChartAccessible(QWidget* chart) : QAccessibleWidget(chart, QAccessible::Chart) {}

void DailyChartAccessible::installFactory()
{
    static const bool installed = [] {
        QAccessible::installFactory(chartFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

DailyChart* DailyChartAccessible::chart() const
{
    return static_cast<DailyChart*>(widget());
}

int DailyChartAccessible::childCount() const
{
    return chart()->dayCount();
}

QAccessibleInterface* DailyChartAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    auto it = m_days.find(index);
    if (it == m_days.end())
        it = m_days.insert(index, QAccessible::registerAccessibleInterface(new DayAccessible(chart(), index)));
    return QAccessible::accessibleInterface(it.value());
}

int DailyChartAccessible::indexOfChild(const QAccessibleInterface* child) const
{
    for (auto it = m_days.begin(); it != m_days.end(); ++it)
        if (QAccessible::accessibleInterface(it.value()) == child)
            return it.key();
    return -1;
}

QAccessibleInterface* DailyChartAccessible::focusChild() const
{
    return chart()->hasFocus() && chart()->selectedDay() >= 0 ? child(chart()->selectedDay()) : nullptr;
}

} // namespace Ui
