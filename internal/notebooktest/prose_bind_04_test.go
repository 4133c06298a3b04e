package notebooktest_test

var bind04 = []binding{}
