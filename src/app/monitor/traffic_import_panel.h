#pragma once
// Importing traffic logs by hand, by drag and drop and by watching a folder: the panel the
// Monitor page embeds. The work is done by TrafficImportController (off the GUI thread).

#include <QWidget>

#include <memory>

namespace Ui {
class TrafficImportPanel;
}

namespace gw::store {
class HistoryStore;
}

namespace gw::app {

class TrafficBadLinesModel;
class TrafficImportController;
struct TrafficImportFileResult;

class TrafficImportPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrafficImportPanel(QWidget *parent = nullptr);
    ~TrafficImportPanel() override;

    void setHistory(std::shared_ptr<gw::store::HistoryStore> store); // null: import unavailable, say why
    void setWatchFolder(const QString &dir);                         // empty: stop watching
    TrafficImportController *controller() const { return m_controller; }

    // What the buttons do after their file dialog (the tests call these directly).
    void importFiles(const QStringList &paths);
    QString statusText() const;
    TrafficBadLinesModel *badLinesModel() const { return m_badLines; }

Q_SIGNALS:
    void trafficChanged(); // after an import committed new lines

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private Q_SLOTS:
    void chooseFiles();
    void chooseWatchFolder();

private:
    void showProgress(qint64 bytesDone, qint64 bytesTotal, int filesLeft);
    void showFileResult(const TrafficImportFileResult &result);
    void updateAvailability();

    std::unique_ptr<Ui::TrafficImportPanel> ui;
    TrafficImportController *m_controller;
    TrafficBadLinesModel *m_badLines;
};

} // namespace gw::app
