package notebooktest_test

var bind06 = []binding{}
