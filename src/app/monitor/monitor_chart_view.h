#pragma once
// One Monitor chart: draws its MonitorTableModel as Qt Charts series decimated to the plot's
// pixel width (monitor_decimate.h), redraws when the plot is resized, shows the values of the
// row under the cursor, and exports itself as PNG or its table as CSV.

#include <QChartView>

namespace gwapp {

class MonitorTableModel;

class MonitorChartView : public QChartView {
    Q_OBJECT
public:
    enum class Kind {
        StackedAmounts, // stacked areas, summed per interval (cost)
        Lines,          // min/max per pixel pair (rates, percentiles, shares)
        Bars,           // one bar set per series over the categories
    };

    MonitorChartView(Kind kind, MonitorTableModel *model, QWidget *parent = nullptr);

    // The time range shown and the bucket length; for time charts.
    void setTimeRange(qint64 fromMs, qint64 toMs, qint64 bucketMs);
    // A horizontal line across the plot (the failover threshold); NaN: none.
    void setThreshold(double value, const QString &name);
    // Bar charts: which table columns (series indexes) are drawn; empty: all.
    void setBarSeries(const QList<int> &series) { m_barSeries = series; }
    void setValueAxisTitle(const QString &title) { m_axisTitle = title; }

    void redraw();
    int plotWidth() const;     // pixels the plot is wide (what decimation fits into)
    int maxSeriesPoints() const; // the most points any drawn series holds
    QString hoverTextAt(const QPointF &viewPos) const;
    QString lastHoverText() const { return m_hoverText; }

    bool exportPng(const QString &path, QString *error);
    bool exportCsv(const QString &path, QString *error) const;

protected:
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void drawStacked();
    void drawLines();
    void drawBars();
    void addTimeAxes(double top);
    void addAttached(QAbstractSeries *series);
    QString intervalHoverText(double x) const;

    Kind m_kind;
    MonitorTableModel *m_model;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_bucketMs = 60000;
    double m_threshold;
    QString m_thresholdName;
    QList<int> m_barSeries;
    QString m_axisTitle;
    int m_drawnWidth = 0;
    bool m_redrawQueued = false;
    QString m_hoverText;
    qint64 m_intervalMs = 0;               // stacked charts: the interval summed per point
    QList<QList<QPointF>> m_intervalSums;  // stacked charts: per series, the sum per interval
};

} // namespace gwapp
