#pragma once

#include <QAccessibleWidget>

namespace Ui {

class DailyChart;

// The daily chart as assistive technology sees it: a chart whose children are its days, each named by what the
// chart says of it, the selected one focused.
class DailyChartAccessible : public QAccessibleWidget
{
public:
    explicit DailyChartAccessible(QWidget* chart);
    static void installFactory();

    int childCount() const override;
    QAccessibleInterface* child(int index) const override;
    int indexOfChild(const QAccessibleInterface* child) const override;
    QAccessibleInterface* focusChild() const override;

private:
    DailyChart* chart() const;
    mutable QHash<int, QAccessible::Id> m_days; // day index -> its registered interface
};

} // namespace Ui
