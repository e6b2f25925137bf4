"""ReviewDesk（法治报告审阅台）: an offline workstation for reviewing annual rule-of-law reports."""

__version__ = "0.1.0"
APP_NAME = "ReviewDesk"
APP_NAME_ZH = "法治报告审阅台"
