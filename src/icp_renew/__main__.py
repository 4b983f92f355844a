from icp_renew.cli.app import run

run()
