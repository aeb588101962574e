#pragma once

#include "model/Usage.h"

#include <QWidget>

#include <functional>

namespace Ui {

// An amount per day as bars (credits of a period, or dollars on the providers' reports), painted from the palette
// so it follows light and dark themes. Hovering a bar (or focusing the chart and using the arrow keys, Home and
// End) tells that day; a screen reader sees a chart whose children are the days (DailyChartAccessible).
class DailyChart : public QWidget
{
    Q_OBJECT

public:
    explicit DailyChart(QWidget* parent = nullptr);

    // One day's bar: its height, a tick on the axis when it is empty but not nothing (runs on own keys), and what
    // it says.
    struct Bar
    {
        QDate day;
        qint64 value = 0;
        bool tick = false;
        QString description;
    };
    // Credits per day: each day's runs, credits and BYOK runs.
    void setDays(QVector<DayUsage> days);
    const QVector<DayUsage>& days() const { return m_days; }
    // Any other amount: `unit` above the axis ("dollars per day"), `amount` writes the axis' labels, `summary` is
    // what the whole chart says to a screen reader.
    void setBars(QVector<Bar> bars, const QString& unit, std::function<QString(qint64)> amount, const QString& summary);
    int dayCount() const { return int(m_bars.size()); }
    // What a day says when hovered, focused or read by a screen reader.
    QString describeDay(int index) const;
    // The area of a day's bar, mirrored right to left.
    QRect slotRect(int index) const;
    int selectedDay() const { return m_selected; }
    QSize sizeHint() const override { return {560, 150}; }
    QSize minimumSizeHint() const override { return {240, 110}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;

private:
    QRect plotArea() const;
    int dayAt(const QPoint& pos) const;
    void selectDay(int index);

    QVector<DayUsage> m_days; // setDays'
    QVector<Bar> m_bars;
    QString m_unit;
    std::function<QString(qint64)> m_amount;
    qint64 m_highest = 0;
    int m_selected = -1;
};

} // namespace Ui
