#pragma once
// One Monitor chart: draws its MonitorTableModel as Qt Charts series decimated to the plot's
// pixel width (monitor_decimate.h), redraws when the plot is resized, shows the values of the
// row under the cursor, and exports itself as PNG or its table as CSV. Round ticks in the chart's
// unit (chart_axes.h), each series in its fixed colour (chart_palette.h), and a legend of whole
// names under the chart where a click hides or shows a series (chart_legend.h).

#include "monitor/nice_axis.h"

#include <QChartView>
#include <QImage>
#include <QPen>
#include <QSet>

#include <array>

class QGraphicsLineItem;
class QGraphicsRectItem;

namespace gw::app {

class ChartLegend;
class MonitorTableModel;

class MonitorChartView : public QChartView {
    Q_OBJECT
public:
    enum class Kind {
        StackedAmounts, // stacked areas, summed per interval (cost)
        Lines,          // min/max per pixel pair (rates, percentiles, shares)
        Bars,           // one bar set per series over the categories
        ErrorClasses,   // error counts stacked per class, the error rate per gateway as lines
    };

    MonitorChartView(Kind kind, MonitorTableModel *model, QWidget *parent = nullptr);
    ~MonitorChartView() override;

    // The time range shown and the bucket length; for time charts.
    void setTimeRange(qint64 fromMs, qint64 toMs, qint64 bucketMs);
    // A horizontal line across the plot (the failover threshold); NaN: none.
    void setThreshold(double value, const QString &name);
    // Bar charts: which table columns (series indexes) are drawn; empty: all.
    void setBarSeries(const QList<int> &series) { m_barSeries = series; }
    void setValueAxisTitle(const QString &title) { m_axisTitle = title; }
    void setValueUnit(gw::AxisUnit unit) { m_unit = unit; }
    // The legend shown for this chart (Qt Charts' own is hidden); owned by its parent widget.
    void setLegend(ChartLegend *legend);
    ChartLegend *legend() const { return m_legend; }
    // Hidden series stay hidden across redraws and filter changes (by gateway and measure).
    void setSeriesHidden(int series, bool hidden);
    bool isSeriesHidden(int series) const;
    // Request counts ride along in the table (hover, CSV) beside the rates; they are not drawn.
    bool isCount(int series) const;
    bool isDrawn(int series) const;
    // The tick labels drawn on the value axis and on the time axis (empty for a category chart).
    QStringList valueTickLabels(Qt::Alignment side = Qt::AlignLeft) const;
    QStringList timeTickLabels() const;

    // Time charts: one instant drawn as a vertical line; the page draws the instant under the
    // pointer on any chart on every chart (hoveredTime -> setCrosshair). NaN: none.
    void setCrosshair(double timeMs);
    double crosshairTime() const { return m_crosshairMs; }
    bool crosshairShown() const;
    double crosshairX() const; // in chart coordinates

    // Marked vertical lines on a time chart (exports, publishes, incident pins).
    struct Annotation {
        qint64 atMs = 0;
        QString label;
        QPen pen;
    };
    void setAnnotations(const QList<Annotation> &annotations) { m_annotations = annotations; }
    QList<qint64> drawnAnnotationTimes() const;
    // The labels written at the top of the marks. Marks whose labels would collide share one
    // ("3 changes"), with every mark's time and label in its tooltip.
    struct AnnotationLabel {
        QString text;
        QString toolTip;
        QRectF rect; // in scene coordinates
        int marks = 1;
    };
    QList<AnnotationLabel> annotationLabels() const;

    void redraw();
    int plotWidth() const;       // pixels the plot is wide (what decimation fits into)
    int maxSeriesPoints() const; // the most points any drawn series holds
    QString hoverTextAt(const QPointF &viewPos) const;
    QString lastHoverText() const { return m_hoverText; }

    // Written above the chart in a PNG export: its title, range and filters (lines split by \n).
    void setExportCaption(const QString &caption) { m_exportCaption = caption; }
    QString exportCaption() const { return m_exportCaption; }
    QImage exportImage();
    bool exportPng(const QString &path, QString *error);
    bool exportCsv(const QString &path, QString *error) const;

Q_SIGNALS:
    void hoveredTime(double timeMs); // the time under the pointer; NaN: off the plot

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    static QString intervalText(qint64 ms);
    void drawStacked();
    void drawLines();
    void drawBars();
    void addTimeAxes(double top);
    void addValueAxis(double top);
    void updateLegend();
    void drawAnnotations();
    void placeAnnotationLabels(); // again whenever the plot moves
    void placeCrosshair();
    QString seriesKey(int series) const;
    void addAttached(QAbstractSeries *series);
    QString intervalHoverText(double x) const;
    // monitor_chart_view_errors.cpp
    void drawErrorClasses();
    QString errorHoverText(double x) const;

    Kind m_kind;
    MonitorTableModel *m_model;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_bucketMs = 60000;
    double m_threshold;
    QString m_thresholdName;
    QList<int> m_barSeries;
    QString m_axisTitle;
    gw::AxisUnit m_unit = gw::AxisUnit::Count;
    ChartLegend *m_legend = nullptr;
    QSet<QString> m_hidden; // series keys
    QGraphicsLineItem *m_crosshair;
    double m_crosshairMs;
    QList<Annotation> m_annotations;
    QList<QAbstractSeries *> m_annotationSeries;
    QList<Annotation> m_drawnAnnotations;          // the ones in the range, by time
    QList<QGraphicsRectItem *> m_annotationLabels; // children of the chart
    QString m_exportCaption;
    int m_drawnWidth = 0;
    bool m_redrawQueued = false;
    QString m_hoverText;
    qint64 m_intervalMs = 0;              // stacked charts: the interval summed per point
    QList<QList<QPointF>> m_intervalSums; // stacked charts: per series, the sum per interval
    // The error chart, per interval: errors per class (all gateways shown), and per gateway the
    // errors and the requests its rate is drawn from.
    QList<std::pair<QString, QList<QPointF>>> m_classSums;
    std::array<QList<QPointF>, 2> m_gatewayErrors;
    std::array<QList<QPointF>, 2> m_gatewayRequests;
};

} // namespace gw::app
