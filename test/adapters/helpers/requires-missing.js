require('quiver-missing-inner');
