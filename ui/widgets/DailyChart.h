#pragma once

#include "model/Usage.h"

#include <QWidget>

namespace Ui {

// Credits per day of a period as bars, painted from the palette so it follows light and dark themes. Hovering
// a bar (or focusing the chart and using the arrow keys, Home and End) tells that day's runs, credits and BYOK
// runs; a screen reader sees a chart whose children are the days (DailyChartAccessible).
class DailyChart : public QWidget
{
    Q_OBJECT

public:
    explicit DailyChart(QWidget* parent = nullptr);

    void setDays(QVector<DayUsage> days);
    const QVector<DayUsage>& days() const { return m_days; }
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

    QVector<DayUsage> m_days;
    qint64 m_highest = 0;
    int m_selected = -1;
};

} // namespace Ui
